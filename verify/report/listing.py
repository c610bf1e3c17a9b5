"""Plain-text renderings of stored rows, for people at a terminal.

Machine-readable output is ``--json``; these functions only format.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from verify.store import Stored, origin


def describe_stored(stored: Stored) -> str:
    exactly = origin(stored.provenance)
    which = f" ({', '.join(exactly)})" if exactly else ""
    if stored.created:
        return (
            f"ingested {stored.source}: document {stored.document_id} "
            f"(version {stored.version}), {stored.claims} claims{which}"
        )
    return (
        f"unchanged {stored.source}: document {stored.document_id} (version {stored.version})"
        + which
    )


def _slot_summary(kind: str, slot: dict[str, Any]) -> str:
    if kind == "quantities":
        value = slot["value"]
        shown = int(value) if float(value).is_integer() else value
        return f"quantity {shown} {slot['counted']}".rstrip()
    if kind == "dates":
        value = slot["value"] or "unresolved"
        relation = f"{slot['relation']} " if slot["relation"] else ""
        return f"date {relation}{value} ({slot['text']!r})"
    if kind == "people":
        role = ", ".join(x for x in (slot.get("organisation"), slot.get("role")) if x)
        return f"person {slot['name']}" + (f" [{role}]" if role else "")
    if kind == "quotations":
        speaker = slot.get("speaker") or "unattributed"
        text = slot["text"] if len(slot["text"]) <= 70 else slot["text"][:67] + "..."
        return f"quotation by {speaker}: “{text}”"
    if kind == "attributions":
        flag = " (anonymous)" if slot["anonymous"] else ""
        return f"attribution {slot['source']}{flag}"
    if kind == "provisions":
        return f"provision {slot['name']}"
    return f"{kind} {slot}"


def _slot_lines(slots: dict[str, list[dict[str, Any]]]) -> list[str]:
    return [_slot_summary(kind, slot) for kind, values in slots.items() for slot in values]


def format_claims(rows: Iterable[dict[str, Any]]) -> str:
    lines: list[str] = []
    current = None
    for row in rows:
        if row["document_id"] != current:
            current = row["document_id"]
            published = row["published"] or "no date"
            title = row["title"] or "(untitled)"
            if lines:
                lines.append("")
            lines.append(f"{title} — {row['source']} (v{row['version']}, {published})")
        lines.append(f"  [{row['id']}] {row['text']}")
        lines.extend(f"      {line}" for line in _slot_lines(row["slots"]))
    return "\n".join(lines) if lines else "no claims stored"
