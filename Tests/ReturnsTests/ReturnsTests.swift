// Tests for Returns.
