"""Kinds of `saferplace import` the funding app provides (found by incidents/management/commands/import.py)."""
