"""An example crosscheck plugin with one rule, EXA001 (example.unquoted-source).

A plugin is any installed package that names a tuple of rules in the ``crosscheck.rules``
entry-point group, exactly as crosscheck's own rule modules do::

    [project.entry-points."crosscheck.rules"]
    example = "crosscheck_example_plugin:RULES"
"""

from __future__ import annotations

from collections.abc import Iterator

from crosscheck.engine import Context
from crosscheck.findings import Severity, Violation
from crosscheck.names import fold
from crosscheck.registry import Rule, rule

__all__ = ["RULES"]


@rule("EXA001", "example.unquoted-source", Severity.INFO)
def unquoted_source(context: Context) -> Iterator[Violation]:
    """A claim's quote does not name the source the claim is attributed to.

    What it flags
    -------------
    A claim whose source is not the report's own outlet and whose quote names the source by
    none of its spellings (id, display name or alias, compared regardless of case, accents and
    punctuation). The attribution then rests on text outside the quote.

    Why it matters
    --------------
    A reader checking the quote cannot see who said it; a curator may have taken the source
    from a neighbouring sentence that attributes something else.

    Flagged
    -------
    A claim with source "the Observatory" and the quote "Syrian forces backed by air strikes
    had on Wednesday encircled and entered Saraqeb".

    Not flagged
    -----------
    A claim with source "Erdoğan" and a quote ending "Turkish President Recep Tayyip Erdogan
    said Thursday"; a claim whose source is the outlet that published the report.
    """
    dataset = context.dataset
    for claim in context.claims:
        source = dataset.actor(claim.source)
        if source.id == dataset.actor(dataset.report(claim.report).outlet).id:
            continue
        quote = f" {fold(claim.quote)} "
        if any(f" {fold(name)} " in quote for name in source.names):
            continue
        yield Violation(
            f"The quote of {claim.id} does not name its source, {source.name}.",
            (claim,),
            (f"{claim.id}: looked in the quote for {', '.join(map(repr, source.names))}",),
        )


RULES: tuple[Rule, ...] = (unquoted_source,)
