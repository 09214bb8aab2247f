"""Optional named-entity back ends for PERSON, behind one small interface.

breachguard never needs a model: the built-in recognizers find names from titles, salutations,
field labels, lexicons and capitalisation. A user who has a spaCy pipeline installed can add it;
its PERSON spans join the candidates and go through the same overlap resolution.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

NerBackend = Callable[[str], Iterable[tuple[int, int, float]]]
"""Given text: ``(start, end, score)`` for each person name it finds."""


class NerUnavailable(RuntimeError):
    """The requested back end is not installed; the message says what to install."""


def spacy_backend(model: str = "en_core_web_sm", *, score: float = 0.8) -> NerBackend:
    """A back end over an installed spaCy pipeline (``pip install breachguard[spacy]`` and a model).

    Raises NerUnavailable, naming the missing piece, when spaCy or the model is not installed:
    breachguard never downloads a model.
    """
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - depends on the user's environment
        raise NerUnavailable("spaCy is not installed: pip install 'breachguard[spacy]'") from exc
    try:
        nlp = spacy.load(model, disable=["lemmatizer", "tagger", "parser"])
    except OSError as exc:  # pragma: no cover - depends on the user's environment
        raise NerUnavailable(f"spaCy model {model!r} is not installed") from exc

    def find(text: str) -> Iterable[tuple[int, int, float]]:
        for ent in nlp(text).ents:
            if ent.label_ in {"PERSON", "PER"}:
                yield ent.start_char, ent.end_char, score

    return find
