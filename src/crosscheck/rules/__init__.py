"""crosscheck's built-in rules, one module per family.

Each module lists its rules in a `RULES` tuple, registered through the ``crosscheck.rules``
entry-point group in pyproject.toml, like any plugin's.
"""
