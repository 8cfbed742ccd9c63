"""Normalizers: each function on real Arabic, profiles, and offsets that round-trip."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.text import normalize as n
from rasd.text.normalize import PROFILES, Normalizer


@pytest.mark.parametrize(
    ("func", "raw", "expected"),
    [
        (n.remove_diacritics_ar, "فَضْلًا عَنْ كَوْنِهَا شَرِيكًا", "فضلا عن كونها شريكا"),
        (n.remove_diacritics_ar, "الرَّحْمٰن", "الرحمن"),
        (n.remove_tatweel_ar, "مصـــر", "مصر"),
        (n.remove_controls_ar, "مصر\u200f وأمريكا\u200c\ufeff", "مصر وأمريكا"),
        (n.unify_alef_ar, "أحمد إلى آسيا ٱلله", "احمد الى اسيا الله"),
        (n.unify_ya_ar, "السيسى فى الأمريكى", "السيسي في الأمريكي"),
        (n.unify_ya_ar, "کتاب ی", "كتاب ي"),
        (n.unify_ta_marbuta_ar, "القاهرة مدينة", "القاهره مدينه"),
        (n.unify_hamza_ar, "مسئولية مسؤولية", "مسءولية مسءولية"),
        (n.digits_to_ascii, "٢٠١٥ و۱۳۹۴", "2015 و1394"),
        (n.compat_ar, "ﻻ ﺇﻟﻪ", "لا إله"),
        (n.compat_ar, "\u00a0«مصر»", " «مصر»"),
        (n.lowercase_latin, "ISIS Daesh", "isis daesh"),
    ],
)
def test_normalizer_functions(func, raw, expected):  # type: ignore[no-untyped-def]
    assert func(raw) == expected


def test_egyptian_and_gulf_spellings_meet_under_match_profile():
    norm = Normalizer("match")
    assert norm("الرئيس السيسى") == norm("الرئيس السيسي")
    assert norm("الأمريكى") == norm("الامريكي")
    assert norm("مسئولية") == norm("مسؤولية")
    assert norm("القاهره") == norm("القاهرة")
    assert norm("أمريكا") == norm("امريكا") == norm("أمْرِيكَا")


def test_base_profile_keeps_ta_marbuta_and_hamza():
    base = Normalizer("base")
    assert base("القاهرة مسئول") == "القاهرة مسئول"


def test_presentation_forms_map_to_base_letters_with_offsets():
    text = "ﺍﻟﺮﻳﺎﺽ ﻻ"  # presentation forms, as in some SaudiNewsNet articles
    result = Normalizer("match").normalize(text)
    assert result.text == "الرياض لا"
    start, end = result.offsets.span_to_orig(0, 6)
    assert text[start:end] == "ﺍﻟﺮﻳﺎﺽ"
    # the ligature lam-alef expands to two letters that both map back to it
    assert result.offsets.span_to_orig(7, 9) == (7, 8)


def test_unknown_profile_is_a_config_error():
    from rasd.errors import ConfigError

    with pytest.raises(ConfigError, match="unknown normalization profile"):
        Normalizer("nope")


def test_only_presentation_forms_can_vanish_or_expand():
    """The fast path relies on this: outside the presentation-form blocks every character maps to
    exactly one character, except the explicit deletions."""
    for profile in PROFILES:
        norm = Normalizer(profile)
        for code in range(0x20, 0x3000):
            ch = chr(code)
            if n.PRESENTATION_RE.match(ch) or unicodedata.category(ch) == "Cs":
                continue
            out = norm._table[code]
            if n.DELETABLE_RE.match(ch):
                continue
            assert len(out) == 1, (profile, hex(code), out)


arabic_heavy = st.text(
    alphabet=st.one_of(
        st.sampled_from(
            list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة ًٌٍَُِّْـ\u200f\u200c٠١٢٣٤٥٦٧٨٩.،؛؟«»\n ")
        ),
        st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFF),
        st.characters(),
    ),
    max_size=80,
)


@settings(max_examples=400, deadline=None)
@given(text=arabic_heavy, profile=st.sampled_from(sorted(PROFILES)))
def test_offsets_round_trip(text: str, profile: str) -> None:
    norm = Normalizer(profile)
    result = norm.normalize(text)
    assert result.text == norm(text) or n.PRESENTATION_RE.search(text)
    offsets = result.offsets
    # every normalized character comes from the original character it maps back to
    for i, ch in enumerate(result.text):
        j = offsets.to_orig(i)
        assert 0 <= j < len(text)
        assert ch in norm._table[ord(text[j])]
    # positions are monotonic and spans re-normalize to what they cover
    origins = [offsets.to_orig(i) for i in range(len(result.text))]
    assert origins == sorted(origins)
    for start in range(0, len(result.text), 7):
        for end in range(start, len(result.text) + 1, 5):
            o_start, o_end = offsets.span_to_orig(start, end)
            assert 0 <= o_start <= o_end <= len(text)
            renorm = norm._normalize_slow(text[o_start:o_end]).text
            assert result.text[start:end] in renorm


@settings(max_examples=200, deadline=None)
@given(text=arabic_heavy)
def test_fast_and_slow_paths_agree(text: str) -> None:
    norm = Normalizer("base")
    fast = norm.normalize(text)
    slow = norm._normalize_slow(text)
    assert fast.text == slow.text
    for i in range(len(fast.text) + 1):
        assert fast.offsets.to_orig(i) == slow.offsets.to_orig(i)
