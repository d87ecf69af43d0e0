// Tabular tests.
