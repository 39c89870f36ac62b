"""Bounds on the work one input can cause, so hostile or broken input cannot hang a build.

Every limit that cuts text says so in warnings.jsonl; every limit that refuses input is an error
line naming the input.  README.md ("Limits") lists them; change them here only.
"""

from __future__ import annotations

# Bytes read from one input file or stdin; larger inputs are refused before decoding.
MAX_INPUT_BYTES = 256 * 1024 * 1024
# Characters of one JSONL line; a longer line is refused (the file's other lines are read).
MAX_JSONL_LINE_CHARS = 16 * 1024 * 1024
# Characters of HTML parsed for one page; the rest of a longer page is cut (with a warning).
MAX_HTML_CHARS = 8 * 1024 * 1024
# Characters of article text (after boilerplate removal) read for extraction; longer text is cut
# at the last line or space before the limit.  The event stage still has loops that grow faster
# than the text (listed in docs/limits.md), which is what sets this value.
MAX_ARTICLE_CHARS = 50_000
# Tokens of one sentence handed to parsing and extraction; a longer sentence is cut.
MAX_SENTENCE_TOKENS = 200
