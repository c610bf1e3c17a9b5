"""The command group's error handling, and the one-line error every command ends with.

Kept apart from ``common.py`` so that ``verify --help`` loads only click (issue 14).
"""

from __future__ import annotations

import importlib
from typing import Any, NoReturn

import click

from verify.errors import INTERRUPTED_EXIT


def fail(message: str, code: int = 2) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    raise SystemExit(code)


# Click raises this (a UsageError whose message is the whole help) for a group
# called without a command; older versions print the help without raising.
NO_ARGS_IS_HELP: Any = getattr(click.exceptions, "NoArgsIsHelpError", ())


class VerifyGroup(click.Group):
    """Click's group, with usage errors on one line like every other error."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        try:
            code = super().main(*args, **kwargs)
        except NO_ARGS_IS_HELP as exc:
            exc.show()  # "verify" alone: the help, as click prints it
            raise SystemExit(exc.exit_code) from None
        except click.UsageError as exc:
            hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
            fail(f"{exc.format_message()}{hint}", exc.exit_code)
        except click.ClickException as exc:
            exc.show()
            raise SystemExit(exc.exit_code) from None
        except (click.Abort, KeyboardInterrupt):
            # Ctrl-C: what was being written was rolled back, the rest is intact.
            click.echo("interrupted", err=True)
            raise SystemExit(INTERRUPTED_EXIT) from None
        raise SystemExit(code if isinstance(code, int) else 0)


class LazyGroup(VerifyGroup):
    """A group whose commands are imported when one is run or its help shown, so that
    ``verify --help`` (which lists them by their short help, given here) loads none
    of the library: it took 1.5 s, 22 times bare Python (issue 14)."""

    def __init__(self, *args: Any, lazy: dict[str, tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = lazy  # name -> ("module:attribute", short help)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy:
            module, attribute = self.lazy[cmd_name][0].split(":")
            self.add_command(getattr(importlib.import_module(module), attribute), cmd_name)
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        names = self.list_commands(ctx)
        if not names:
            return
        # As click's own: the short help cut to the width the names leave.
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = []
        for name in names:
            command = self.commands.get(name)
            if command is not None:
                text = command.get_short_help_str(limit)
            else:
                text = _shortened(self.lazy[name][1], limit)
            rows.append((name, text))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


def _shortened(text: str, limit: int) -> str:
    """``text`` cut at a word to ``limit`` characters with "...", as click shortens a
    loaded command's help (its helper for this is deprecated)."""
    if len(text) <= limit:
        return text
    cut = text[: max(limit - 3, 0)].rsplit(" ", 1)[0]
    return f"{cut.rstrip(' ,;:')}..."
