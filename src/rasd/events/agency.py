"""Who did an attack or an arrest when the sentence does not say it in subject position.

Three readings that the word-order rules of :mod:`rasd.events.roles` get wrong:

- **Agent phrases**: قتل ضابط برصاص مسلحين، خطف موظف على يد متمردين، مقتل جندي بنيران الجيش — the
  party after على يد، من قبل، برصاص، بنيران (`function_words.tsv` role ``agent``) is the doer and
  never the recipient; the victim is the other party of the act.
- **Topicalized passive**: ثلاثة جنود قتلوا في هجوم، جنديان قتلا بانفجار — a party right before
  a plural or dual attack verb (or a counted party before any form of it) with no object after the
  verb but a preposition, a conjunction or an agent phrase is who was hit, not who hit.
- **Reported clauses**: أعلنت الشرطة أن عشرين مدنيا قتلوا — who reports an attack is not its doer;
  a party before the complementizer is the doer only when the reported clause refers back to it
  (قال الجيش إن قواته اعتقلت، إنه قتل).
"""

from __future__ import annotations

AGENT_REACH = 12  # words between a trigger and its agent phrase


def _words_before(text: str, pos: int, n: int = 2) -> list[str]:
    return text[max(0, pos - 30) : pos].split()[-n:]


def is_agent(
    text: str,
    token_start: int,
    start: int,
    agent_words: frozenset[str],
    count_words: frozenset[str] = frozenset(),
) -> bool:
    """The mention at ``token_start`` (its name at ``start``) follows an agent word, possibly
    with a number between: على يد X، من قبل X، برصاص X، بنيران X، على يد عشرة مسلحين."""
    if text[token_start:start] in agent_words:
        return True
    before = _words_before(text, token_start, 3)
    if before and (before[-1].isdigit() or before[-1] in count_words):
        before = before[:-1]
    if not before or before[-1] not in agent_words:
        return False
    # قبل names the doer only in من قبل (not قبل الانتخابات, "before")
    return before[-1] != "قبل" or (len(before) >= 2 and before[-2] in ("من", "ومن"))


def no_object_after(
    text: str,
    pos: int,
    markers: frozenset[str],
    skip: frozenset[str],
    agent_words: frozenset[str],
    continuations: frozenset[str] = frozenset(),
) -> bool:
    """What follows a verb is no object: a preposition (``markers``), a word such as إثر or جراء
    (``continuations``, `function_words.tsv`), a conjunction, an agent phrase or the end of the
    text (adverbs such as أمس are skipped)."""
    for word in text[pos : pos + 120].split()[:4]:
        if word in skip:
            continue
        if word in markers or word in continuations or word in agent_words:
            return True
        return len(word) > 3 and word.startswith(("و", "ب"))
    return True


def counted(text: str, token_start: int, count_words: frozenset[str]) -> bool:
    """A number word (or digits) right before a mention: ثلاثة جنود، 20 مدنيا."""
    before = _words_before(text, token_start, 1)
    return bool(before) and (before[-1].isdigit() or before[-1] in count_words)


def plural_form(verb: str) -> bool:
    """A perfect verb form of the plural or the dual (قتلوا، قتلا، قتلتا), not one with an object
    pronoun or of the first person (قتلها، اعتقلنا)."""
    return verb.endswith("ا") and not verb.endswith(("ها", "نا", "هما"))


def refers_back(word: str) -> bool:
    """The first word of a reported clause refers to the speaker: إنه، إنها، قواته، عناصرها
    (a pronoun suffix on a word without the article)."""
    return not word.startswith("ال") and word.endswith(("ه", "ها", "هم", "هما"))


def reported_start(text: str, clause_start: int, pos: int) -> int:
    """Where the clause reported by a speaker before ``pos`` starts (after إن/أن), or -1 when
    there is none or when it refers back to its speaker (قال الجيش إن قواته …)."""
    at = text.rfind(" ان ", clause_start, pos)
    if at < 0:
        return -1
    following = text[at + 4 : pos].split()
    if following and refers_back(following[0]):
        return -1
    return at + 3


def speaker_own(text: str, clause_start: int, pos: int) -> int:
    """Where the complementizer is (or -1) when the one word between it and ``pos`` refers back to
    the speaker: قال الجيش إن قواته اعتقلت — the speaker's forces act for it."""
    at = text.rfind(" ان ", clause_start, pos)
    if at < 0:
        return -1
    following = text[at + 4 : pos].split()
    return at if len(following) == 1 and refers_back(following[0]) else -1
