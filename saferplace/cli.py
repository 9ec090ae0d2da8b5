"""The `saferplace` console script: one dispatcher over Django management commands.

`saferplace demo`, `saferplace import policeuk ...`, `saferplace due` and every Django command
(`saferplace migrate`, `saferplace createsuperuser`) run through here with the project's settings.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "saferplace.settings")
    argv = list(sys.argv[1:] if argv is None else argv)
    import django
    from django.core.management import execute_from_command_line, get_commands

    django.setup()
    if argv and not argv[0].startswith("-") and argv[0] not in {*get_commands(), "help"}:
        print(f"saferplace: unknown command {argv[0]!r}. Run 'saferplace help' for the list.", file=sys.stderr)
        sys.exit(2)
    execute_from_command_line(["saferplace", *argv])


if __name__ == "__main__":
    main()
