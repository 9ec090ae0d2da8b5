#!/usr/bin/env python
"""Django's manage.py, kept for habit; `saferplace` is the same dispatcher."""

from saferplace.cli import main

if __name__ == "__main__":
    main()
