"""Compositional coding: dictionary hits → actor and place mentions.

Rules, applied left to right inside each sentence (``docs/actors.md`` explains them with examples):

- title + nationality (+ name): وزير الخارجية الأمريكي [جون كيري] → USA GOV (foreign_minister)
- title in construct + country: رئيس وزراء العراق، وزير خارجية مصر
- counterpart + nationality: نظيره الأمريكي → the antecedent's office, in the other country
- title + person: الرئيس السيسي → the person
- name، title …: دانيال كوتس، رئيس جهاز الاستخبارات الوطنية الأمريكي → the person holds that role
- title + unknown name: الرئيس البوروندي بيير نكورونزيزا → a person, transliterated
- sector noun + nationality / country: الشرطة المصرية → EGY COP; جيش الاحتلال → ISR MIL
- organizations, people, countries and nationality adjectives on their own
- places (and countries as places), resolved to one gazetteer entry
"""

from __future__ import annotations

from bisect import bisect_right

from rasd.actors.anaphora import anaphoric_title, antecedent_office, same_title_earlier
from rasd.actors.context import GROUP_SECTORS, located_countries, sentence_place_country
from rasd.actors.guards import (
    apposed_person,
    country_counts,
    in_list,
    most_common_key,
    name_run,
    office_applies,
    person_country,
    stands_for_government,
    word_after,
)
from rasd.actors.lexicon import (
    COUNTRY,
    DEMONYM,
    ORG,
    PERSON,
    PLACE,
    SECTOR,
    TITLE,
    Entry,
    PersonInfo,
)
from rasd.actors.match import RawMention
from rasd.actors.mentions import ActorMention, Composition, PlaceMention, Resources
from rasd.actors.translit import transliterate_name


class Composer:
    def __init__(
        self,
        res: Resources,
        text: str,
        norm: str,
        raws: list[RawMention],
        sentence_starts: list[int],
        date: str,
    ) -> None:
        self.res = res
        self.lex = res.lexicon
        self.text = text  # match text (same positions as Work.norm)
        self.norm = norm
        self.raws = raws
        self.sentence_starts = sentence_starts
        self.date = date
        self.sent = [bisect_right(sentence_starts, r.start) - 1 for r in raws]
        self.out = Composition()
        counts = country_counts(raws)
        self.country_counts = counts
        self.out.main_country = most_common_key(counts) if counts else ""
        self._locative_at = -1
        self._skipped_end = -1
        self._apposed: tuple[ActorMention | None, int] = (None, -1)  # a person and his titles' end
        self._transnational_rebels = any(
            e.kind == ORG and e.sector == "REB" and not e.country for r in raws for e in r.entries
        )
        self._raw_token_starts = {r.token_start for r in raws} | {r.start for r in raws}

    # --- helpers ---------------------------------------------------------------------------------

    def _adjacent(self, i: int, j: int, allow_lam: bool = False) -> bool:
        if j >= len(self.raws) or self.sent[i] != self.sent[j]:
            return False
        a, b = self.raws[i], self.raws[j]
        gap = self.text[a.end : b.start]
        if not gap.strip():
            return b.prefix in ("", "ال", "لل")
        return allow_lam and gap.strip() in ("ل", "لل", "ب") and b.prefix in ("ل", "لل", "ب")

    def _pick(self, m: RawMention, kind: str) -> Entry | None:
        options = m.of_kind(kind)
        if not options:
            return None
        if len(options) == 1:
            return options[0]
        return max(options, key=self._plausibility)

    def _plausibility(self, e: Entry) -> tuple[float, ...]:
        here = self.country_counts.get(e.country, 0) if e.country else 0
        capital = 1.0 if e.place is not None and e.place.kind in ("capital", "country") else 0.0
        active = 0.0
        if e.person is not None and self.date and e.person.office_at(self.date) is not None:
            active = 1.0
        return (active, float(here), capital, 0.0 if e.auto else 1.0)  # curated lists first

    def _word_before(self, pos: int) -> str:
        words = self.text[max(0, pos - 30) : pos].split()
        return words[-1] if words else ""

    def _is_common(self, word: str) -> bool:
        """A frequent word, possibly behind proclitics (بزيارة، للمملكة، وقال): not a name."""
        common = self.res.common_words
        if word in self.res.given_names:
            return False
        if word in common or word.startswith("و"):
            return True
        return any(
            word.startswith(p) and word[len(p) :] in common
            for p in ("ب", "ل", "ك", "ف", "ال", "بال", "لل", "كال")
        )

    def _word_before_token(self, m: RawMention) -> str:
        return self._word_before(m.token_start if m.token_start >= 0 else m.start)

    def _modifier(self, m: RawMention) -> bool:
        """ميثاق الأمم المتحدة، لمبادئ المنظمة، عضو مجلس الوزراء: not an actor."""
        word = self._word_before_token(m)
        heads = self.res.non_actor_head
        return word in heads or (word[:1] in "لبو" and word[1:] in heads)

    def _coordinated_with_skipped(self, i: int) -> bool:
        """لدى الإنتربول واليوروبول: a body coordinated with one that was not an actor."""
        m = self.raws[i]
        if not m.prefix.startswith("و") or self._skipped_end < 0:
            return False
        return not self.text[self._skipped_end : m.token_start].strip()

    def _body_as_place(self, m: RawMention) -> bool:
        return self._word_before_token(m) in self.res.body_locative

    def _is_locative(self, i: int) -> bool:
        """في سوريا، بسوريا، إلى الرياض (and في سوريا وليبيا): a place, not an actor."""
        m = self.raws[i]
        if "ب" in m.prefix:
            return True
        token_start = m.token_start
        if self._word_before(token_start) in self.res.locative:
            return True
        if m.prefix.startswith("و") and i > 0 and self.sent[i - 1] == self.sent[i]:
            gap = self.text[self.raws[i - 1].end : token_start]
            return not gap.strip() and self._locative_at == i - 1
        return False

    def _title_head(self, m: RawMention) -> str:
        first = m.key.split()[0]
        return first[2:] if first.startswith("ال") else first

    def _holder(self, office: str, country: str) -> PersonInfo | None:
        if not office or not country:
            return None
        holders = self.lex.holders(office, country, self.date)
        return holders[0] if len(holders) == 1 else None

    def _name_run(self, start: int, sentence: int) -> tuple[int, int] | None:
        """An unknown personal name right at ``start`` (``guards.name_run``)."""
        starts = self.sentence_starts
        stop = starts[sentence + 1] if sentence + 1 < len(starts) else len(self.text)
        res = self.res

        def breaks(word: str) -> bool:
            return word in res.name_stop or not word.isalpha() or self._is_common(word)

        return name_run(
            self.text, start, stop, self._raw_token_starts, breaks, res.name_links, self.norm
        )

    def _named_after(self, m: RawMention) -> bool:
        """كأس ولي العهد، جامعة الملك سعود، مستشفى الملك فهد: a title or person naming a thing."""
        return in_list(self._word_before_token(m), self.res.named_after)

    # --- rules -----------------------------------------------------------------------------------

    def run(self) -> Composition:
        i = 0
        n = len(self.raws)
        while i < n:
            m = self.raws[i]
            kinds = m.kinds
            if (TITLE in kinds or PERSON in kinds) and self._named_after(m):
                i += 2 if TITLE in kinds and self._adjacent(i, i + 1) else 1
            elif TITLE in kinds and (PERSON not in kinds or self._adjacent(i, i + 1)):
                i = self._title(i)
            elif PERSON in kinds:
                i = self._person(i)
            elif ORG in kinds:
                i = self._org(i)
            elif SECTOR in kinds:
                i = self._sector(i)
            elif COUNTRY in kinds or PLACE in kinds:
                i = self._country_or_place(i)
            elif DEMONYM in kinds:
                e = self._pick(m, DEMONYM)
                assert e is not None
                self._actor(
                    m.start,
                    m.end,
                    e.country,
                    "",
                    kind="country",
                    how="nationality",
                    sentence=self.sent[i],
                    listed=False,
                )
                i += 1
            else:
                i += 1
        return self.out

    def _actor(self, start: int, end: int, country: str, sector: str, **kw: object) -> ActorMention:
        mention = ActorMention(start, end, country, sector, **kw)  # type: ignore[arg-type]
        if sector not in self.res.skip_sectors:
            self.out.actors.append(mention)
        return mention

    def _refer(self, start: int, end: int, to: ActorMention, sentence: int, head: str) -> None:
        """A mention that refers back to an actor already found (الرئيس … the president named
        earlier): the same actor, read by anaphora."""
        self._actor(
            start,
            end,
            to.country,
            to.sector,
            name=to.name,
            office=to.office,
            kind=to.kind,
            how="anaphora",
            person=to.person,
            sentence=sentence,
            title_head=head,
        )

    def _country_of(self, m: RawMention, construct: bool) -> str:
        """The country a following mention gives to a title or sector noun, or ''."""
        e = self._pick(m, DEMONYM)
        if e is not None:
            return e.country
        if construct:
            c = self._pick(m, COUNTRY)
            if c is not None:
                return c.country
            p = self._pick(m, PLACE)
            if p is not None and p.place is not None and p.place.country:
                return p.place.country
        return ""

    def _title(self, i: int) -> int:
        m = self.raws[i]
        title = self._pick(m, TITLE)
        assert title is not None
        if not title.sector:
            return i + 1  # المتحدث باسم …: the body that follows is the actor
        sentence = self.sent[i]
        start, end = m.start, m.end
        country = title.country
        j = i + 1
        if self._adjacent(i, j):
            nxt = self.raws[j]
            given = self._country_of(nxt, construct=title.construct)
            if given and PERSON not in nxt.kinds:
                country = given
                end = nxt.end
                if COUNTRY in nxt.kinds or PLACE in nxt.kinds:
                    self._place_from(nxt, sentence)
                j += 1
        elif (
            self._adjacent(i, j, allow_lam=True)
            and title.office
            and not title.construct
            and COUNTRY in self.raws[j].kinds
            and self.raws[j].prefix in ("ب", "ل", "لل")
        ):
            # وزير الخارجية بجمهورية مصر العربية (Saudi style), المبعوث الأممي لليمن
            nxt = self.raws[j]
            country_entry = self._pick(nxt, COUNTRY)
            assert country_entry is not None
            country = country_entry.country
            end = nxt.end
            self._place_from(nxt, sentence)
            j += 1
        elif title.construct and self._adjacent(i, j, allow_lam=True) and ORG in self.raws[j].kinds:
            org = self._pick(self.raws[j], ORG)
            assert org is not None
            self._actor(
                self.raws[j].start,
                self.raws[j].end,
                org.country,
                org.sector,
                name=org.name,
                kind="org",
                sentence=sentence,
            )
            self._actor(
                start,
                self.raws[j].end,
                org.country,
                org.sector or title.sector,
                office=title.office,
                kind="role",
                how="composed",
                sentence=sentence,
                title_head=self._title_head(m),
            )
            return j + 1
        elif title.construct:
            return i + 1  # a construct title needs its complement (رئيس وزراء العراق)
        office = title.office
        if not office_applies(m.key, country or self.out.main_country, self.res.office_only_in):
            office = ""  # الأمير السعودي: a prince, not the king
        head = self._title_head(m)
        if title.sector == "IGO" and country:
            # an envoy "to Yemen" is an international official: the country is what he covers
            office, country = f"{office}:{country}" if office else office, ""
        if office == "counterpart":
            office, head = antecedent_office(self, i)
        former = word_after(self.text, end, self.res.former)
        if former > 0:  # الرئيس الأسبق حسني مبارك: a former holder, not the current one
            end, office = former, ""
        # a known person right after the title (and its nationality)
        if (
            self._adjacent(j - 1, j)
            or (
                former > 0
                and j < len(self.raws)
                and not self.text[end : self.raws[j].start].strip()
            )
        ) and PERSON in self.raws[j].kinds:
            person_entry = self._pick(self.raws[j], PERSON)
            assert person_entry is not None and person_entry.person is not None
            p = person_entry.person
            self._actor(
                start,
                self.raws[j].end,
                person_country(p, self.date) or country,
                self._person_sector(p),
                name=p.name,
                office=office,
                kind="person",
                how="title+name",
                person=p,
                sentence=sentence,
                title_head=head,
            )
            return j + 1
        # a name after the title that no dictionary knows
        run = self._name_run(end, sentence)
        if run is not None and (country or title.sector):
            name = transliterate_name(self.text[run[0] : run[1]])
            if not country and title.sector != "IGO":
                country = self.out.main_country
            self._actor(
                start,
                run[1],
                country,
                title.sector,
                name=name,
                office=office,
                kind="person",
                how="title+unknown-name",
                sentence=sentence,
                title_head=head,
            )
            return j
        apposed = apposed_person(self, i, "" if former > 0 else country)
        if apposed is not None and (country or not title.country):
            self._apposed = (apposed, end)
            apposed.office = apposed.office or office
            if not apposed.country and country:
                apposed.country = country
            if apposed.sector in ("", "GOV") and title.sector and apposed.person is None:
                apposed.sector = title.sector
            self._refer(start, end, apposed, sentence, head)  # the title names him too
            return j
        if former > 0:
            return j  # an unnamed former holder (الرئيس اليمني السابق) is no actor of today
        key_form = m.key
        if not country and key_form in self.res.weak:
            return j
        if not office and country:
            earlier = same_title_earlier(self, country, head)
            if earlier is not None:
                self._refer(start, end, earlier, sentence, head)
                return j
        holder = self._holder(office, country)
        if holder is not None:
            self._actor(
                start,
                end,
                country,
                self._person_sector(holder),
                name=holder.name,
                office=office,
                kind="person",
                how="dated-role",
                person=holder,
                sentence=sentence,
                title_head=head,
            )
        elif country or title.sector == "IGO":
            self._actor(
                start,
                end,
                country,
                title.sector,
                office=office,
                kind="role",
                how="composed",
                sentence=sentence,
                title_head=head,
            )
        else:
            anaphoric_title(self, start, end, title, head, sentence, office)
        return j

    def _person_sector(self, p: PersonInfo) -> str:
        """The sector of the office held at the article date (or of the main office)."""
        office = (p.office_at(self.date) if self.date else None) or p.main_office()
        return office.sector if office is not None and office.sector else p.sector

    def _person(self, i: int) -> int:
        m = self.raws[i]
        entry = self._pick(m, PERSON)
        assert entry is not None and entry.person is not None
        p = entry.person
        self._actor(
            m.start,
            m.end,
            person_country(p, self.date),
            self._person_sector(p),
            name=p.name,
            kind="person",
            person=p,
            sentence=self.sent[i],
        )
        return i + 1

    def _org(self, i: int) -> int:
        m = self.raws[i]
        if self._modifier(m) or self._body_as_place(m) or self._coordinated_with_skipped(i):
            self._skipped_end = m.end
            return i + 1
        options = m.of_kind(ORG)
        end = m.end
        j = i + 1
        if self._adjacent(i, j) and DEMONYM in self.raws[j].kinds:
            given = self._country_of(self.raws[j], construct=False)
            same = [o for o in options if o.country == given]
            if same:
                options = same
                end = self.raws[j].end
                j += 1
        org = max(options, key=self._plausibility)
        self._actor(
            m.start, end, org.country, org.sector, name=org.name, kind="org", sentence=self.sent[i]
        )
        return j

    def _sector(self, i: int) -> int:
        m = self.raws[i]
        options = m.of_kind(SECTOR)
        # a form listed in its own right (مسلحين) wins over the construct form of another (المسلحين)
        noun = next((o for o in options if not o.construct), options[0])
        takes_country = any(o.construct for o in options)  # طلاب مصر as well as طلاب مصريون
        sentence = self.sent[i]
        if self._modifier(m) or self._body_as_place(m) or self._coordinated_with_skipped(i):
            self._skipped_end = m.end
            return i + 1
        implied = self.res.implied_country.get(m.key, "")
        j = i + 1
        country = implied
        end = m.end
        if not country and self._adjacent(i, j):
            given = self._country_of(self.raws[j], construct=takes_country)
            if given:
                country = given
                end = self.raws[j].end
                if COUNTRY in self.raws[j].kinds or PLACE in self.raws[j].kinds:
                    self._place_from(self.raws[j], sentence)
                j += 1
        if m.key in self.res.ignored:
            return j
        if m.key in self.res.weak and "ب" in m.prefix:
            return j  # بالأمن المصري: "with Egyptian security", not the security forces
        if not country:
            located = (
                []
                if noun.construct
                else located_countries(self.raws, self.sent, self.text, j, self.res.in_place)
            )
            if located:
                for c in located:
                    self._actor(
                        m.start,
                        end,
                        c,
                        noun.sector,
                        name=noun.name,
                        kind="body",
                        how="sector+in-country",
                        sentence=sentence,
                    )
                return j
            if noun.construct or (m.key in self.res.weak and noun.sector not in GROUP_SECTORS):
                return j
            # a body without a country belongs to the country the article is about; militants
            # in an article about a transnational group (داعش، القاعدة) are that group's
            how = "sector+main-country"
            if noun.sector == "IGO" or (noun.sector == "REB" and self._transnational_rebels):
                country = ""
            elif m.key in self.res.weak:
                # a weak group noun (الطلاب) takes only the country its sentence places it in
                country = self._sentence_country(i)
                if not country:
                    return j
                how = "sector+sentence-place"
            else:
                country = self._sentence_country(i)
                if country:
                    how = "sector+sentence-place"
                else:
                    country = self.out.main_country
        else:
            how = "composed"
        self._actor(
            m.start,
            end,
            country,
            noun.sector,
            name=noun.name if country else "",
            kind="body",
            how=how,
            sentence=sentence,
        )
        return j

    def _sentence_country(self, i: int) -> str:
        res = self.res
        args = (res.in_place, res.needs_locative, res.place_nouns)
        return sentence_place_country(
            self.raws, self.sent, i, self.text, *args, venue_nouns=res.venue_nouns
        )

    def _country_or_place(self, i: int) -> int:
        m = self.raws[i]
        locative = self._is_locative(i)
        if m.key in self.res.needs_locative and not locative:
            return i + 1
        before = self._word_before_token(m)
        coordinated = m.prefix.startswith("و") and self._locative_at == i - 1
        if in_list(before, self.res.club_words) or (
            all(e.auto for e in m.entries)
            and ("ب" in m.prefix or not (coordinated or in_list(before, self.res.in_place_words)))
        ):
            return i + 1  # ريال مدريد (a club); بلاتر، وأرى: an automatic name needs في، مدينة …
        self._place_from(m, self.sent[i])
        country = self._pick(m, COUNTRY)
        if locative:
            self._locative_at = i
        elif country is not None:
            self._actor(m.start, m.end, country.country, "", kind="country", sentence=self.sent[i])
        else:
            place = self._pick(m, PLACE)
            metonym = place.place.metonym if place is not None and place.place is not None else ""
            if metonym and not m.prefix and stands_for_government(self, m):
                # واشنطن تصعد المواجهة: a capital standing for its government
                self._actor(
                    m.start,
                    m.end,
                    metonym,
                    "GOV",
                    kind="body",
                    how="metonym",
                    sentence=self.sent[i],
                )
        return i + 1

    def _place_from(self, m: RawMention, sentence: int) -> None:
        candidates = [e for e in m.entries if e.kind in (PLACE, COUNTRY)]
        if not candidates:
            return
        best = max(candidates, key=self._plausibility)
        info = best.place if best.place is not None else self.lex.country_places.get(best.country)
        if info is not None:
            self.out.places.append(PlaceMention(m.start, m.end, info, sentence, best.auto))
