// Tests for RunDiff.
