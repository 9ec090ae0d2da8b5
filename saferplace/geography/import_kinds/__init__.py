"""Kinds of `saferplace import` the geography app provides (found by incidents/management/commands/import.py)."""
