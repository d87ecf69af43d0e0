// Tests for Cleaning.
