"""Telling attacker from target among the actors named in a clause.

Arabic news names the attacker as the subject after an active verb ("شنت
الطائرات الأمريكية غارات", "اختطف عناصر من داعش"), in a relative clause
("قصف نفذته قوات النظام", "عبوة زرعتها خلايا التنظيم"), as the owner of the
weapon ("طائرة مسيرة تركية"), or first in "اشتباكات بين X و Y". The target
follows "ضد"/"على", owns what was hit ("مواقع تابعة للميليشيات"), is counted
among the dead ("مقتل خمسة من عناصر X"), or is the subject of a passive verb
("تعرضت قاعدة التحالف لهجوم"). Each such sign adds weight to a role; an actor
named several times ("قوات سوريا الديمقراطية (قسد)") is one actor; word order
decides only what nothing else does. Sources of the news ("بحسب", "قال") are
neither.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Final

from extract.lexicon import CONTEXTUAL, STATE, ActorMention
from extract.normalize import fold_text, fold_words
from extract.tokens import Token

ATTACKER: Final = "attacker"
TARGET: Final = "target"


# Words inside a mention: a weapon or force that strikes, or a place or people hit.
_WEAPON_WORDS: Final = tuple(
    fold_words("طائر طيران غار ضرب قصف مقاتلات مروحي مسير مدفعي صاروخ صواريخ")
)
_TARGET_WORDS: Final = tuple(
    fold_words("قاعد قواعد منشآ مصالح مواقع مدني منزل سفين ناقل متعاقد مقاول جندي جنود افراد")
)
# Words just before a mention.
_TARGET_BEFORE: Final = fold_words(
    "ضد على استهداف مواقع موقع مقرات مقر مخازن مستودعات مستودع منشآت منشأة قاعدة قواعد"
    " تابعة التابعة مرتبطة المرتبطة مرتبطين صفوف تعرضت تعرض يستخدمها تستخدمها يستخدمهما"
    " تستخدمه يستخدمه مراكز مركز تجمعات تحركات قافلة رتل دورية نقاط نقطة قياديا قيادي"
    " التابعين لمواقع بمواقع لقوة قوة"
    " تستضيف يستضيف تضم يضم تتمركز يتمركز تتواجد يتواجد تنتشر ينتشر"
    " حاجز حواجز مفرزة ثكنة معسكر تعزيزات آليات آلية عربات عربة مدرعة مدرعات شاحنة شاحنات"
)
_ATTACKER_BEFORE: Final = fold_words(
    "شنتها شنها شنه شنته نفذتها نفذها نفذه نفذته أطلقتها أطلقها أطلقه زرعتها زرعها زرعته"
    " زرعه فجرها فجره تبنت تبنته تبنتها تبناه تبناها قبل جانب نصبه نصبها نصبته نصبوه"
    " أطلقته أطلقوها أطلقوه شنوها شنوه نفذوها نفذوه زرعوها زرعوه ألقاها ألقته ألقوها"
    " أطلقتها شنتها برصاص بنيران ارتكبها ارتكبه ارتكبتها ارتكبته"
)
_ACTIVE_VERBS: Final = fold_words(
    "شن شنت نفذ نفذت استهدف استهدفت اختطف اختطفت خطف خطفت اغتال اغتالت هاجم هاجمت قصف"
    " قصفت أطلق أطلقت فجر زرع أعدم أعدمت نصب نصبت داهمت داهم اقتحم اقتحمت"
    " سيطرت سيطر حررت حرر استعادت استعاد هاجمت هاجموا اعتقلت اعتقل اعتقلوا فجرت فجروا"
)
_KILLING: Final = fold_words(
    "مقتل قتل قتلت قتلى إصابة أصيب جرح مصرع استشهاد إصابات خسائر لقي شهداء شهيدا شهيدان ارتقى"
)
_DIED: Final = fold_words("قتلوا قتلا قتلتا استشهدوا أصيبوا جرحوا لقوا مصرعهم حتفهم")
_SOURCES: Final = fold_words(
    "بحسب حسب وفق وفقا قال قالت ذكر ذكرت أفاد أفادت أكد أكدت أوضح أوضحت نقل نقلت مصدر"
    " مصادر بيان أعلن أعلنت اتهم اتهمت نفى نفت"
)
_ATTACKER_AFTER: Final = fold_words("أنها أنه بأنها بأنه")
_FIRED_FROM: Final = fold_words("مصدره مصدرها مصدرهما")
# Words naming a source's outlet or office, between a saying verb and the force it belongs to.
_SOURCE_NOUNS: Final = fold_words(
    "القيادة قيادة العامة قناة وكالة صحيفة إذاعة تلفزيون موقع التابعة التابع المقربة المقرب"
    " الناطقة المتحدث الناطق باسم المكتب الإعلامي الإعلام خلية وزارة مسؤول في المسيرة"
    # what a source is ("قال مصدر عسكري في «الجيش الوطني»"): the force it is in tells
    " أمني أمنية عسكري عسكرية محلي محلية طبي طبية ميداني ميدانية مطلع مطلعة رسمي رسمية"
)
# Attack nouns whose owner, joined by "ل", carried the attack out ("هجوم لمسلحين على حاجز").
_ATTACK_NOUNS: Final = fold_words(
    "هجوم هجمات هجوما قصف قصفا غارة غارات ضربة ضربات اعتداء اعتداءات كمين كمينا تفجير"
    " قذائف صواريخ توغل تقدم تسلل اقتحام"
)
# Words between a verb and its doer's name: "زرعها عناصر من تنظيم داعش".
_FILLERS: Final = fold_words(
    "عناصر من مسلحون مسلحين مسلحو مسلحي خلايا خلية مقاتلو مقاتلي أفراد مجموعة مجموعات عنصر"
    " ينتمون ينتمي تنتمي المنتمين منتمين إلى الى"
) | fold_words("فصيل فصائل")
_LAUNCHERS: Final = _FILLERS | fold_words(
    "تابعة تابع التابعة التابع تتبع يتبع يتبعون ما يسمى تسمى بما إرهابيو إرهابيي إرهابيين"
    " عصابات عصابة"
)
"""Words between a verb and the group that did it ("نفذته خلية تابعة لتنظيم …", "اختطفت
عناصر تتبع لفصيل …", "أطلقها إرهابيو ما يسمى «جيش الإسلام»")."""
_PASSIVE: Final = fold_words("تعرضت تعرض تعرضوا تتعرض يتعرض طالت")
_PASSIVE_REACH: Final = 12
"""How many words before a mention a passive verb makes it the target ("تعرضت قاعدة للتحالف
الدولي في حقل العمر النفطي لهجوم"); a bound keeps a long clause from costing its square."""
_BETWEEN: Final = fold_text("بين")


@dataclass(frozen=True)
class Roles:
    """The attacker and target of a clause, either of which may be unknown."""

    attacker: ActorMention | None
    target: ActorMention | None


def _before(tokens: list[Token], mention: ActorMention, begin: int, reach: int) -> list[Token]:
    """Up to `reach` tokens before the mention, nearest first, inside the clause."""
    first = mention.first_token
    return [tokens[i] for i in range(first - 1, max(begin, first - reach) - 1, -1)]


def _before_owner(
    tokens: list[Token], mention: ActorMention, begin: int, reach: int
) -> list[Token]:
    """`_before`, without a clitic written apart ("تابعة لـ«هيئة تحرير الشام»"): the words
    that say whose something is."""
    near = _before(tokens, mention, begin, reach + 2)
    if near and near[0].folded in _LONE_CLITICS:
        near = near[1:]
    if near and _hits(near[0], _BRANCHES):
        near = near[1:]  # "دورية تابعة لفرع الأمن العسكري": the branch of the force
    return near[:reach]


_BRANCHES: Final = fold_words("فرع فروع مفرزة")


_LONE_CLITICS: Final = frozenset({"ل", "ب", "و", "ف", "ك"})


def _hits(token: Token, words: frozenset[str]) -> bool:
    """Whether a word, its clitics aside, is one of `words`."""
    folded = token.folded
    if folded in words or not words.isdisjoint(token.forms):
        return True
    # an accusative ending ("مقراً", "موقعاً") is the same word
    return folded.endswith("ا") and folded[:-1] in words


def _evidence(
    mention: ActorMention, tokens: list[Token], text: str, begin: int, trigger_at: int
) -> tuple[str, float] | None:
    """The role one mention plays and how sure that is; None for a news source."""
    head = tokens[mention.first_token].folded
    near = _before(tokens, mention, begin, 3)
    if (
        claims_own_act(tokens, mention, text)
        or _says_it_struck(tokens, mention)
        or _announces_gain(tokens, mention)
    ):
        return ATTACKER, 2.0
    if not_a_party(tokens, mention, begin):
        return None
    if len(near) >= 2 and near[0].folded in _TO and near[1].folded in _BELONGING_TO:
        return TARGET, 3.0  # "اعتقلت خمسة يشتبه بانتمائهم إلى خلايا التنظيم": the suspects'
    if formerly_of(tokens, mention, begin):
        return None  # "اغتال مسلحون قيادياً سابقاً في فصائل المعارضة": no longer of the group
    if _member_owns(_before(tokens, mention, begin, 5)):
        return TARGET, 3.0  # "غارة على منزل يعود لقيادي في «حزب الله»": whose house was hit
    if mention.first_token < trigger_at and _befell(tokens, text, mention, trigger_at):
        return TARGET, 2.0  # "قائد صحوة بلدة بهرز وثلاثة من حمايته قُتلوا بانفجار عبوة"
    if near and _befell_next(text, near[0]):
        return TARGET, 2.0  # "قُتل ضابط برتبة عقيد في القوات النظامية … بانفجار عبوة"
    if mention.key == "civilians":
        if near and near[0].folded in _TO and "مستشفي" in mention.text.replace("ى", "ي"):
            return None  # "نُقل الجرحى إلى المستشفى": where the wounded were taken
        if _military_after(tokens, mention):
            return None  # "حافلة مبيت عسكرية": a military vehicle, not civilians
        if near and _hits(near[0], _RECORDINGS) and head.startswith("مصور"):
            return None  # "شريطاً مصوراً": a filmed tape, not a photographer
        # "بين القتلى ثلاثة مدنيين", "بينهم عناصر من الحشد ومدنيون": who the dead were
        joined = tokens[mention.first_token].folded.startswith("و")
        among = _before(tokens, mention, begin, 6) if joined else near
        if any(_hits(token, _AMONG_THE_DEAD) for token in among):
            return None
        if tokens[mention.first_token].folded in _PEOPLE:
            return TARGET, 1.0  # "مقتل 16 شخصاً": a group the clause names says more
        return TARGET, 2.0
    if mention.key == "unknown":
        if len(near) >= 2 and near[0].folded in _TO and near[1].folded in _TAKEN_AWAY:
            return None  # "واقتادوهم إلى جهة مجهولة": where they were taken, not by whom
        return ATTACKER, 2.0  # "قذيفة مجهولة المصدر", "مسلحون مجهولون": never who was hit
    if any(token.folded in _AMONG_THEM for token in near):
        # "مقتل 16 شخصاً، بينهم عناصر من الحشد الشعبي ومدنيون": the group among the dead
        return TARGET, 1.5
    if any(_hits(token, _FIRED_FROM) for token in near[:2]):
        return ATTACKER, 2.5  # "قصف مدفعي مصدره مواقع قوات النظام": whose posts fired
    if _holds_where_fire_came_from(tokens, mention, begin):
        return ATTACKER, 2.5  # "قذائف مصدرها المناطق التي يسيطر عليها الحوثيون"
    if near and _hits(near[0], _FIRED_BY) and _head_role(head) == TARGET:
        return ATTACKER, 2.5  # "برصاص أطلقه جنود إسرائيليون": the verb says who fired
    head_role = _head_role(head)
    if head_role == TARGET or "قاعد" in mention.text:
        return TARGET, 2.5
    if head_role == ATTACKER:
        return ATTACKER, 2.5
    if mention.last_token < len(tokens) and _hits(tokens[mention.last_token], _ATTACKER_AFTER):
        return ATTACKER, 2.0
    if near and _hits(near[0], _ATTACKER_BEFORE):
        return ATTACKER, 2.0
    owner = _before_owner(tokens, mention, begin, 5)
    if len(owner) >= 2 and _hits(owner[0], _BELONGING) and _weapon_before(owner[1:]):
        return ATTACKER, 2.5  # "طائرة مسيّرة تابعة للحرس الثوري": the weapon's owner
    if len(owner) >= 2 and _hits(owner[0], _BELONGING) and _hits(owner[1], _SHOOTERS_OF):
        return ATTACKER, 2.5  # "برصاص قناص تابع لميليشيا الحوثي": the sniper's owner
    if len(owner) >= 3 and _hits(owner[0], _BELONGING) and _hits(owner[2], _FIRED_BY):
        return ATTACKER, 2.5  # "لقذيفة أطلقها زورق تابع للميليشيات": who fired it
    if (
        len(owner) >= 2
        and _hits(owner[0], _BELONGING)
        and (_hits(owner[1], _FILLERS) or _hits(owner[1], _UNITS))
    ):
        after = tokens[mention.last_token : mention.last_token + 3]
        if any(_hits(t, _ACTIVE_VERBS) and not voweled_passive(text, t) for t in after):
            return ATTACKER, 2.5  # "وكانت مجموعة تابعة للجيش الحر قد خطفت": the group acted
        verb = owner[2] if len(owner) >= 3 else None
        if verb is not None and _hits(verb, _ACTIVE_VERBS) and not voweled_passive(text, verb):
            return ATTACKER, 2.5  # "اعتقلت عناصر تابعة لـ«هيئة تحرير الشام» الناشط": who did it
    if _weapon_of(near):
        return ATTACKER, 2.5  # "مدفعية الجيش العراقي قصفت", "غارات التحالف": whose weapon
    if _weapon_for(tokens, text, mention, near, owner):
        return ATTACKER, 2.5  # "بقصف بطائرة مسيّرة لـ«قسد»": the weapon's owner, after "ل"
    if _guns_firing(tokens, mention, near):
        return ATTACKER, 2.5  # "جراء استهداف بوارج العدوان قارب صيد"
    if _hosted(_before(tokens, mention, begin, 5)):
        return TARGET, 2.5  # "قاعدة عين الأسد، التي تستضيف قوات أمريكية": whose base was hit
    owned = _owner_of_what_was_hit(tokens, mention, begin)
    if owned or _faction_site(near):
        # "عجلة عسكرية تابعة للواء 59 في الجيش العراقي", "أمام مقر لفصيل «فرقة الحمزة»"
        return TARGET, 2.5
    doer = _past_fillers(_before(tokens, mention, begin, 5))
    if doer is not None and _hits(doer, _ATTACKER_BEFORE):
        return ATTACKER, 2.0  # "زرعها عناصر من تنظيم داعش"
    if len(near) >= 2 and near[0].folded == "من" and _attack_owned(near[1:]):
        return ATTACKER, 3.0  # "بقصف مدفعي من قوات الحكومة السورية": whose fire it was
    if _attack_owned(near) and _owner_clitic(text, tokens, mention):
        # "قصف لقوات النظام", "محاولة تقدم لقوات النظام": the attack's owner, stronger than
        # the order of "اشتباكات بين X و Y"
        return ATTACKER, 3.2
    if mention.first_token < trigger_at and any(
        _hits(token, _PASSIVE) for token in _before(tokens, mention, begin, _PASSIVE_REACH)
    ):
        return TARGET, 2.0
    of = len(near) >= 2 and near[0].folded == "من"
    if of and len(near) >= 3 and _hits(near[2], _TRIED):
        return ATTACKER, 2.5  # "هجوماً انتحارياً حاول عنصر من تنظيم داعش تنفيذه": who tried
    if of and len(near) >= 3 and _hits(near[2], _CARRYING):
        return TARGET, 2.5  # "استهدفت المروحيات عجلات تقل مسلحين من التنظيم": who rode them
    if of and _hits(near[1], _SHOOTERS_OF):
        return ATTACKER, 2.0  # "انتحاري من التنظيم", "قناص من قوات النظام"
    if of and near[1].folded in _HIT_UNITS:
        return TARGET, 2.5  # "انفجرت عبوة ناسفة بقوة من الحشد": the force the bomb hit
    if of and len(near) >= 3 and near[1].folded in _UNITS and _hits(near[2], _RAIDS):
        return ATTACKER, 2.5  # "داهمت دورية من الأمن العام", "اقتحمت قوة من الجيش"
    if _unit_of_raiders(tokens, mention, begin):
        return ATTACKER, 2.5  # "اقتحمت قطعات من الفرقة المدرعة التاسعة في الجيش العراقي"
    if _suspected_of(tokens, mention, begin):
        return ATTACKER, 2.5  # "قتل مسلحون يُعتقد أنهم من خلايا تنظيم داعش عضواً": suspects
    if counted_among_dead(tokens, mention, begin):
        return TARGET, 2.0
    if of and _hits(near[1], _ATTACKERS_OF):
        return ATTACKER, 2.0  # "مسلحون من داعش"
    farther = _past_fillers(_before(tokens, mention, begin, 6), least=3)
    if farther is not None and _hits(farther, _ACTIVE_VERBS) and not voweled_passive(text, farther):
        return ATTACKER, 1.5  # "هاجمت مجموعة من مسلحي تنظيم داعش": the verb before the fillers
    for token in near:
        if _hits(token, _ACTIVE_VERBS):
            if voweled_passive(text, token):
                return TARGET, 1.5  # "استُهدف حاجز لقوات …": the verb is passive
            return ATTACKER, 1.5
        if _hits(token, _TARGET_BEFORE):
            return TARGET, 1.5
    clitic = text[tokens[mention.first_token].start : mention.start]
    if mention.first_token > begin and tokens[mention.first_token - 1].folded in ("ل", "ب"):
        clitic = tokens[mention.first_token - 1].folded  # "لـ«داعش»": the clitic written apart
    if "ل" in clitic or "ب" in clitic:
        return TARGET, 1.0  # للميليشيات / بالحرس: the owner of what was hit
    return (ATTACKER, _BY_POSITION) if mention.first_token < trigger_at else (TARGET, _BY_POSITION)


_BY_POSITION: Final = 0.5
"""The evidence of a mention's place alone: before the trigger an attacker, after it a target."""


def said_to_attack_unnamed(
    mention: ActorMention, tokens: list[Token], text: str, begin: int, trigger_at: int
) -> bool:
    """Whether the words around a mention that names no group ("مسلحون") make it the
    attacker, read as `_evidence` reads a named one ("هجوم شنه مسلحون", not "قُتل مسلحون")."""
    found = _evidence(replace(mention, key=""), tokens, text, begin, trigger_at)
    if found is None or found[0] != ATTACKER:
        return False
    # more than where it stands: "قُتل ثلاثة مسلحين في اشتباك" tells no attacker, but
    # "مسلحين يرتدون زياً عسكرياً اقتحموا منزل" does: the subject of what they did
    return found[1] > _BY_POSITION or any(
        t.folded.endswith("وا") and t.folded not in BEFELL and not voweled_passive(text, t)
        for t in tokens[mention.last_token : mention.last_token + 4]
    )


_FORMER: Final = fold_words(
    "سابقا سابق السابق سابقة السابقة سابقين السابقين سابقون سابقان سابقتان سابقات"
)


def formerly_of(tokens: list[Token], mention: ActorMention, begin: int) -> bool:
    """Whether a group is named as the one someone used to belong to ("قيادياً سابقاً في فصائل
    المعارضة"): he is no longer its fighter, and it is no side of what befell him."""
    near = _before(tokens, mention, begin, 2)
    return len(near) == 2 and near[0].folded == "في" and near[1].folded in _FORMER


_A_MEMBERS: Final = fold_words("لقيادي لقائد لمسؤول لعنصر لعضو لمقاتل لأحد لمسؤولين لقياديين")
_MEMBER: Final = fold_words("قيادي قائد مسؤول عنصر عضو ضابط")
_HOLDINGS: Final = fold_words("منزل منزلا بيت سيارة شقة مكتب")


_RANKS: Final = fold_words("نقيب ملازم رائد مقدم عقيد عميد لواء رقيب عريف")
_BEFALLS_NEXT: Final = fold_words("استشهد استشهدت أصيب أصيبت اغتيل اغتيلت")
_PASSIVE_IF_VOWELED: Final = fold_words("قتل قتلت جرح جرحت خطف خطفت اختطف اختطفت")


def _befell_next(text: str, verb: Token) -> bool:
    """Whether a verb before a mention says what befell it ("استشهد ضابط", "قُتل عنصران"): a
    verb that is passive or takes no object, or one the damma writes as passive."""
    return _hits(verb, _BEFALLS_NEXT) or (
        _hits(verb, _PASSIVE_IF_VOWELED) and voweled_passive(text, verb)
    )


_DIED_ALONE: Final = fold_words(
    "استشهدوا استشهدا استشهد استشهدت أصيبوا أصيبا جرحوا لقوا قضوا فقدوا فقدا"
)
"""Verbs of dying or being hurt that take no object: their subject is whom it befell."""
BEFELL: Final = _DIED | _DIED_ALONE | fold_words("أصيب قتل تعرضت تعرض تعرضوا")
"""Verbs saying what befell their subject ("إن ثلاثة من جنوده أصيبوا"), not what it did."""


def _holds_where_fire_came_from(tokens: list[Token], mention: ActorMention, begin: int) -> bool:
    """Whether fire is said to come from areas a group holds ("قذائف هاون مصدرها المناطق التي
    يسيطر عليها الحوثيون"): the group fired it."""
    near = _before(tokens, mention, begin, 7)
    if len(near) < 3:
        return False
    held = _hits(near[0], _HOLDS) or (
        near[0].folded in ("عليها", "عليه") and _hits(near[1], _HOLDS)
    )
    return held and any(_hits(token, _FIRED_FROM) for token in near[1:])


def _suspected_of(tokens: list[Token], mention: ActorMention, begin: int) -> bool:
    """Whether gunmen are said to be believed of a group ("مسلحون يُعتقد أنهم من خلايا تنظيم
    داعش"): looked at only when "من" and a hedge stand right before it, as seldom they do."""
    first = mention.first_token
    if (
        first - 3 < begin
        or tokens[first - 1].folded != "من"
        or tokens[first - 2].folded not in _HEDGES
    ):
        return False
    index = first - 2
    while index > begin and tokens[index].folded in _HEDGES:
        index -= 1
    return _hits(tokens[index], _ATTACKERS_OF)


def _befell(tokens: list[Token], text: str, mention: ActorMention, trigger_at: int) -> bool:
    """Whether a mention is the subject of a verb of dying or being hurt before the clause's
    trigger, with no verb of attacking between ("قائد صحوة بلدة بهرز … قُتلوا بانفجار")."""
    for token in tokens[mention.last_token : min(trigger_at, mention.last_token + 10)]:
        if _hits(token, _DIED_ALONE) or (_hits(token, _DIED) and voweled_passive(text, token)):
            return True
        if _hits(token, _ACTIVE_VERBS):
            return False
    return False


def _member_owns(near: list[Token]) -> bool:
    """Whether a group is named as that of a member whose house or car was hit ("منزل يعود
    لقيادي في حزب الله", "سيارة قيادي في الحزب", "منزل ضابط برتبة نقيب في الشرطة"): the group
    is the target."""
    if len(near) < 2 or near[0].folded != "في":
        return False
    if len(near) >= 5 and near[1].folded in _RANKS and near[2].folded == "برتبه":
        near = [near[0], *near[3:]]  # the rank said
    if near[1].folded in _A_MEMBERS:
        return True
    return len(near) >= 3 and near[1].folded in _MEMBER and _hits(near[2], _HOLDINGS)


_GOVERNMENTS: Final = frozenset({"syrian_gov", "iraqi_gov"})
_CARRYING: Final = fold_words("تقل يقل تقلان كانت")
_FIGHTERS: Final = fold_words(
    "عناصر جنود عسكريين مقاتلين ضباط افراد عنصرا جنديا عنصران عنصرين جنديان جنديين مقاتلا"
)
_ONE_OF_ITS_MEN: Final = _FIGHTERS | fold_words("عنصر جندي مقاتل ضابط منتسب منتسبان")
_PEOPLE: Final = fold_words("أشخاص الأشخاص شخص شخصا شخصين شخصان")


def only_people(mention: ActorMention | None) -> bool:
    """Whether a target is named only as "persons" ("مقتل سبعة أشخاص"): the dead of a clash,
    who may be its fighters, rather than civilians the text says were attacked."""
    return mention is not None and fold_text(mention.text.split()[0]) in _PEOPLE


_TO: Final = fold_words("إلى الى")
_TAKEN_AWAY: Final = fold_words(
    "اقتادوه اقتادوهم اقتادوها اقتادوهما واقتادوه واقتادوهم واقتادوها واقتادوهما اقتيد اقتيدوا"
    " واقتيد واقتيدوا نقلوه نقلوهم ونقلوه ونقلوهم أخذوه أخذوهم وأخذوه وأخذوهم"
    " اقتادته اقتادتهم اقتادتها اقتادتهما واقتادته واقتادتهم واقتادتها واقتادتهما"
    " بالفرار فروا وفروا لاذوا ولاذوا لاذ فر يلوذوا يفروا"
)
"""Verbs of taking someone away or of fleeing, before the unknown place they went to
("واقتادتهم إلى جهة مجهولة", "قبل أن يلوذوا بالفرار إلى جهة مجهولة")."""
_BELONGING_TO: Final = fold_words("بانتمائهم بانتمائه بانتمائهما بالانتماء بارتباطهم بارتباطه")
_UNITS: Final = fold_words("قوة دورية دوريات مفرزة وحدة وحدات مجموعة عناصر")
_UNIT_WORDS: Final = _UNITS | fold_words(
    "قطعات قطعة الفرقة فرقة اللواء لواء الفوج فوج الكتيبة كتيبة السرية سرية المدرعة مدرعة"
    " المشاة الخاصة القوات قوات الأولى الثانية الثالثة الرابعة الخامسة السادسة السابعة الثامنة"
    " التاسعة العاشرة الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر"
)
"""Words of a unit's name between a raid's verb and the force the unit belongs to."""
_UNIT_REACH: Final = 9
_UNIT_HEADS: Final = _UNITS | fold_words(
    "قطعات قطعة الفرقة فرقة اللواء لواء الفوج فوج الكتيبة كتيبة السرية سرية القوات قوات"
)


def _unit_of_raiders(tokens: list[Token], mention: ActorMention, begin: int) -> bool:
    """Whether a force is named as the owner of the unit that raided or stormed, the unit's
    name standing between the verb and the force ("اقتحمت قطعات من الفرقة المدرعة التاسعة في
    الجيش العراقي"): the force is the attacker."""
    before = _before(tokens, mention, begin, _UNIT_REACH)
    if len(before) < 3 or before[0].folded not in ("في", "من"):
        return False
    for at, token in enumerate(before[1:], start=1):
        if _hits(token, _RAIDS):
            # one noun phrase: each head but the first joined by "من" or "في" ("القوات الخاصة
            # عناصر من قسد" is a subject and an object)
            heads = [i for i in range(1, at) if before[i].folded in _UNIT_HEADS]
            return all(before[i + 1].folded in ("في", "من") for i in heads[:-1])
        if token.folded not in _UNIT_WORDS and token.folded != "من" and not token.folded.isdigit():
            return False
    return False


_HIT_UNITS: Final = fold_words("بقوة بدورية بدوريات برتل بسيارة بعجلة بآلية بمركبة بحافلة بمجموعة")
"""A unit or vehicle after "ب" that a blast or fire hit ("انفجرت عبوة بدورية من الجيش")."""
_RAIDS: Final = fold_words("داهمت داهم دهمت اقتحمت اقتحم اعتقلت اعتقل نفذت نفذ شنت شن ودهمت وداهمت")
_ATTACKERS_OF: Final = fold_words("مسلحون مسلحين مسلحو مسلحي مهاجمون")
_SHOOTERS_OF: Final = fold_words("انتحاري انتحاريا انتحاريون انتحاريين قناص قناصة قناصين")
"""Who always attacked, even in a clause that counts the dead ("برصاص قناص من قوات النظام")."""
_AMONG_THE_DEAD: Final = fold_words("القتلى الضحايا بينهم بينهن")
_AMONG_THEM: Final = fold_words("بينهم بينهن")
_FIRED_BY: Final = fold_words(
    "أطلقه أطلقها أطلقته أطلقوه أطلقوها شنه شنها شنته نفذه نفذها نفذته برصاص بنيران"
)
"""Words before soldiers that make them who fired ("برصاص أطلقه جنود إسرائيليون")."""
_BELONGING: Final = fold_words("تابعة التابعة تابع التابع")
_MILITARY: Final = fold_words("عسكرية عسكري العسكرية العسكري مبيت للجيش")
_DAMMA: Final = "\u064f"
_HARAKAT: Final = "".join(map(chr, range(0x064B, 0x0660)))


_KEPT_IN: Final = fold_words("مخازن مخزن مستودعات مستودع منصات منصة ورش ورشة شحنة شحنات تصنيع")


def _weapon_of(near: list[Token]) -> bool:
    """Whether a mention owns the weapon named right before it, in the construct ("مدفعية
    الجيش", "غارات التحالف"), not after "ل" or "ب" ("مستودعاً لصواريخ حزب الله") nor as
    what was stored ("مخازن صواريخ الحزب")."""
    if not near or not _names_weapon(near[0]) or near[0].folded[:1] in ("ل", "ب"):
        return False
    return len(near) < 2 or not _hits(near[1], _KEPT_IN)


def _names_weapon(token: Token) -> bool:
    """Whether a word names a weapon or force that strikes ("طائرة", "مسيرة", "مدفعية")."""
    return _head_role(token.folded) == ATTACKER


_HEDGES: Final = fold_words("يرجح يعتقد أنها أنه انها انه أنهم انهم ربما")
_MODELS: Final = fold_words("سوخوي ميغ ميج أباتشي الأباتشي بيرقدار إف اف 16 35 15 24 25 بلاك هوك")
_WEAPON_ADJECTIVES: Final = fold_words(
    "الحربي الحربية حربي حربية المسير المسيرة مسيرة المروحي المروحية"
)


def _weapon_before(words: list[Token]) -> bool:
    """Whether the words before "التابعة" (nearest first) name a weapon: "طائرة مسيّرة",
    "الطيران الحربي" (the weapon a word before its adjective)."""
    while len(words) > 1 and (words[0].folded in _MODELS or words[0].folded in _HEDGES):
        # "طائرات «سوخوي» تابعة", "طائرات حربية يُرجّح أنها تابعة": the model, a hedge
        words = words[1:]
    if not words:
        return False
    if _names_weapon(words[0]):
        return True
    return len(words) >= 2 and words[0].folded in _WEAPON_ADJECTIVES and _names_weapon(words[1])


def voweled_passive(text: str, token: Token) -> bool:
    """Whether a verb is written with the passive's damma on its first letters ("استُهدف",
    "قُصفت"): folding drops the vowels, and with them the voice."""
    return _DAMMA in text[token.start : min(token.end, token.start + 4)]


def _military_after(tokens: list[Token], mention: ActorMention) -> bool:
    """Whether a vehicle or building named as civilian is called military right after it, or
    carries soldiers ("حافلة تقل عناصر من الفرقة الرابعة")."""
    after = tokens[mention.last_token : mention.last_token + 3]
    if any(_hits(token, _MILITARY) for token in after[:2]):
        return True
    return len(after) >= 2 and _hits(after[0], _CARRYING) and _hits(after[1], _FIGHTERS)


def _weapon_for(
    tokens: list[Token], text: str, mention: ActorMention, near: list[Token], owner: list[Token]
) -> bool:
    """Whether a mention owns, through "ل", the weapon named right before it ("بطائرة مسيّرة
    لـ«قسد»", "مدفعية لقوات النظام")."""
    joined = bool(near) and near[0].folded == "ل"
    return (joined or _owner_clitic(text, tokens, mention)) and _weapon_before(owner)


def _owner_clitic(text: str, tokens: list[Token], mention: ActorMention) -> bool:
    """Whether the mention is joined to the word before it by "ل" ("لقوات", "لتنظيم")."""
    return "ل" in text[tokens[mention.first_token].start : mention.start]


def _owner_of_what_was_hit(tokens: list[Token], mention: ActorMention, begin: int) -> bool:
    """Whether a mention owns, a few words on, the vehicle or post that was hit ("… تابعة
    للواء 59 في الجيش العراقي"): "تابعة" within four words before it, not after a weapon."""
    wider = _before(tokens, mention, begin, 4)
    for index, token in enumerate(wider):
        if _hits(token, _BELONGING):
            owned = wider[index + 1 : index + 3]
            # "خلايا نائمة تابعة لتنظيم «داعش»": its men, who did it or are accused of it
            return not _weapon_before(wider[index + 1 :]) and not any(
                _hits(word, _FILLERS) for word in owned
            )
    return False


_GUNS: Final = ("بوارج", "بارجه", "زوارق", "زورق", "سفن", "مدمره", "مدفعي", "دباب", "راجمات")


@lru_cache(maxsize=4096)
def names_guns(mention: str) -> bool:
    """Whether an actor's words name ships or guns ("بوارج العدوان", "مدفعية الجيش")."""
    folded = fold_text(mention)
    return any(word in folded for word in _GUNS)


_FIRE_NOUNS: Final = fold_words("استهداف باستهداف قصف بقصف لقصف")
_NOT_AN_OBJECT: Final = fold_words("في على من الى إلى قرب عند بين خلال منذ مساء صباح فجر ظهر ليل")


def _guns_firing(tokens: list[Token], mention: ActorMention, near: list[Token]) -> bool:
    """Whether ships or guns are the subject of a verbal noun of fire with its object right
    after them ("جراء استهداف بوارج العدوان قارب صيد"), not the ships fired on
    ("استهداف بارجة أمريكية في البحر الأحمر")."""
    after = mention.last_token
    return (
        bool(near)
        and near[0].folded in _FIRE_NOUNS
        and names_guns(mention.text)
        and after < len(tokens)
        and tokens[after].folded not in _NOT_AN_OBJECT
        and not tokens[after].folded.startswith("و")
    )


RELATIVES: Final = fold_words("الذي التي الذين اللذين اللتين اللواتي اللاتي")
"""Relative pronouns, which open a clause describing the word before them."""
_HOSTED_BY: Final = fold_words("تستضيف يستضيف تضم يضم")
"""Words between a base and the force it hosts ("التي تستضيف"): the force is whom an attack
on it hit; not what an alliance is made of ("وهي تحالف يضم فصائل")."""
_HOSTED_MEN: Final = fold_words("من قوات مستشارين مستشارون جنود جنودا عسكريين عسكريون خبراء")


def _hosted(near: list[Token]) -> bool:
    """Whether a group is named as the force a base hosts ("التي تستضيف قوات أمريكية", "الذي
    يضم قوات من التحالف الدولي", "التي تضم مستشارين من التحالف")."""
    for index, token in enumerate(near[:-1]):
        if token.folded in _HOSTED_BY:
            return near[index + 1].folded in RELATIVES
        if token.folded not in _HOSTED_MEN:
            return False
    return False


_FACTION_SITES: Final = fold_words("مقر مقرا مقرات موقع مواقع نقطة نقاط حاجز حواجز ثكنة معسكر")


def _faction_site(near: list[Token]) -> bool:
    """Whether a group is named as the faction whose post was hit ("مقر لفصيل «فرقة الحمزة»",
    "نقطة لفصيل «أحرار الشام»")."""
    return (
        len(near) >= 2
        and near[0].folded.startswith("ل")
        and _hits(near[0], _FILLERS)
        and _hits(near[1], _FACTION_SITES)
    )


def _past_fillers(words: list[Token], least: int = 1) -> Token | None:
    """The first of `words` (before a mention, nearest first) that is not a filler like
    "عناصر من" or "تابعة", when at least `least` fillers come before it; else None."""
    for skipped, token in enumerate(words):
        if not _hits(token, _LAUNCHERS):
            return token if skipped >= least else None
    return None


def said_to_attack(
    mention: ActorMention, tokens: list[Token], text: str, begin: int, trigger_at: int
) -> bool:
    """Whether the text says a mention attacked (a sign stronger than word order alone)."""
    found = _evidence(mention, tokens, text, begin, trigger_at)
    return found is not None and found[0] == ATTACKER and found[1] >= 1.0


# ("هاجموا" is left out: its subject is a pronoun, and the noun after it is who was attacked)
_LAUNCHED: Final = fold_words(
    "شنته شنه شنها شنتها شنوه شنوها شن شنت هاجم هاجمت نفذته نفذه نفذها نفذتها نفذوه"
)
_ASSAULTS: Final = fold_words("هجوم هجوما هجمات معاكس معاكسا مضاد مضادا")


def _verb_before(tokens: list[Token], mention: ActorMention, begin: int) -> int:
    """The index of the word before a mention past the words between a verb and its doer
    ("شنته خلية تابعة لتنظيم …": the verb's), `begin - 1` or less when none is left."""
    index = mention.first_token - 1
    while index >= max(begin, mention.first_token - 4) and _hits(tokens[index], _LAUNCHERS):
        index -= 1
    return index


def launched_attack(mention: ActorMention, tokens: list[Token], begin: int) -> bool:
    """Whether the text says a mention launched the assault: "إثر هجوم شنته عناصر من الفرقة
    25", "بعد هجوم معاكس شنه التنظيم", "شن مقاتلو التنظيم هجوماً على مواقع الوحدات",
    "هاجم مسلحو العشائر": in a clash, the side that attacked."""
    index = _verb_before(tokens, mention, begin)
    if index < begin or not _hits(tokens[index], _LAUNCHED):
        return False
    verb = tokens[index].folded
    if verb.startswith("هاجم"):
        return True
    if verb not in ("شن", "شنت"):
        # "هجوم (معاكس) شنه X", "هجوم نفذته الفصائل", "لهجوم واسع شنته …": the assault is
        # named just before its verb, or before one adjective
        return any(_hits(tokens[i], _ASSAULTS) for i in range(max(begin, index - 2), index))
    # "شن X هجوماً": the assault follows the doer
    after = tokens[mention.last_token : mention.last_token + 4]
    return any(token.folded.startswith("هجوم") for token in after)


_REPELLED: Final = fold_words(
    "صد صدت صدوا صدا تصدت تصدى تصدوا تصديا كسر كسرت كسروا أحبط أحبطت أحبطوا أفشل أفشلت أفشلوا"
)
_REPELLING: Final = ("صد", "التصدي", "تصدي", "احباط", "افشال", "كسر")


def repelled_attack(mention: ActorMention, tokens: list[Token], begin: int) -> bool:
    """Whether the text says a mention repelled the assault: "صدّ مقاتلو الكتائب محاولة
    تقدم", "تصدت وحدات من الجيش لهجوم", "تمكنت قوات اللواء من صده": in a clash, the side
    that was attacked."""
    index = _verb_before(tokens, mention, begin)
    if index >= begin and _hits(tokens[index], _REPELLED):
        return True
    after = tokens[mention.last_token : mention.last_token + 2]
    return len(after) == 2 and after[0].folded == "من" and after[1].folded.startswith(_REPELLING)


_FIGHTER_WORDS: Final = (
    _FILLERS - fold_words("فصيل فصائل")  # "تحالف فصائل تدعمه واشنطن": who backs it
) | (_ATTACKERS_OF | fold_words("المسلحين المقاتلين العناصر عناصر"))
_BACKING: Final = fold_words(
    "الموالية الموالي الموالين موالية موالي موالين المدعومة المدعوم مدعومة مدعوم تدعمه تدعمها"
    " يدعمه يدعمها تدعمهم يدعمهم المتحالفة المتحالف المتحالفين المتحالفون متحالفة"
)


def not_a_party(tokens: list[Token], mention: ActorMention, begin: int) -> bool:
    """Whether a mention only tells the news, backs a group or holds the area: no side of the
    incident."""
    near = _before(tokens, mention, begin, 3)
    return (
        named_as_source(tokens, mention, begin)
        or _backs(near)
        or _holds_area(near)
        or (bool(near) and near[0].folded in _IT_IS)
        or (bool(near) and near[0].folded in _DRESS)  # "يرتدون زياً عسكرياً": no soldiers
        or (len(near) >= 2 and near[0].folded == "من" and near[1].folded in _SUPPORTING)
        or any(token.folded in _BACKED_BY for token in near)  # "مسنودة بمقاتلين من العشائر"
        or _only_intended(near)
        or _holds_the_place(tokens, mention, near)
        or any(token.folded in _INTERVENING for token in _before(tokens, mention, begin, 4))
        or (bool(near) and _hits(near[0], _CALLING))
    )


_CALLING: Final = fold_words("دعوة دعوات دعا دعت مطالبة طالب طالبت ناشد ناشدت مناشدة")
"""Words before whoever calls for something ("بعد يومين من دعوة واشنطن إلى وقف لإطلاق
النار"): the caller is no side of the incident told."""


_RECORDINGS: Final = fold_words("شريط شريطا الشريط مقطع مقطعا المقطع تسجيل تسجيلا التسجيل فيديو")
_LED_BY: Final = fold_words("بقيادة وبقيادة بزعامة بإمرة")
"""The word before whoever leads the group named before it ("التحالف الدولي بقيادة الولايات
المتحدة"): the group is the side, not its leader."""


def _with_leaders(mentions: list[ActorMention], tokens: list[Token]) -> list[ActorMention]:
    """The mentions with a group's leader ("التحالف الدولي بقيادة الولايات المتحدة") taken into
    the group's mention: what follows the leader ("في بيان إن طائراته") is said of the group."""
    out = list(mentions)
    for leader in mentions:
        at = leader.first_token - 1
        if at < 0 or tokens[at].folded not in _LED_BY:
            continue
        group = next((i for i, m in enumerate(out) if m.last_token == at), None)
        if group is not None:
            out[group] = replace(out[group], end=leader.end, last_token=leader.last_token)
            out = [m for m in out if m is not leader]
    return out


_INTERVENING: Final = fold_words("تتدخل تدخلت يتدخل تدخل لفض")
"""Words before a force that came between the sides ("قبل أن تتدخل قوة من الشرطة لفض
الاشتباك"): no side of the fight."""


_HOLDING: Final = fold_words("يسيطر تسيطر يسيطرون")
_STILL: Final = fold_words("لا يزال تزال يزالون زال")


def _holds_the_place(tokens: list[Token], mention: ActorMention, near: list[Token]) -> bool:
    """Whether a group is only said to hold the place told of ("في مدينة تلعفر، التي لا يزال
    التنظيم يسيطر عليها، قُتل تسعة مدنيين في غارة"): where it was, not who fought."""
    after = mention.last_token
    if after >= len(tokens) or tokens[after].folded not in _HOLDING:
        return False
    for token in near:
        if token.folded in RELATIVES:
            return True
        if token.folded not in _STILL:
            return False
    return False


_TO_ATTACK: Final = fold_words("لمهاجمة لاستهداف بمهاجمة باستهداف لضرب لقصف")
_INTENDING: Final = fold_words(
    "تستعد يستعد يستعدون تخطط يخطط يخططون تعتزم يعتزم يعتزمون تنوي ينوي ينوون تحاول يحاول"
)


def _only_intended(near: list[Token]) -> bool:
    """Whether a group is only whom someone meant to attack ("ضربة ضد مجموعة قال إنها كانت تستعد
    لمهاجمة مدنيين دروز"): not whom the incident hit."""
    return (
        bool(near)
        and near[0].folded in _TO_ATTACK
        and any(token.folded in _INTENDING for token in near[1:3])
    )


_DRESS: Final = fold_words("زي زيا بزي الزي زيها بزة ملابس بملابس لباس بلباس")
_TRIED: Final = fold_words("حاول حاولت حاولوا حاولا يحاول")
_BACKED_BY: Final = fold_words("مسنودة مسنودين مسنودا مسنود مدعومة مدعومين مدعوما")
_SUPPORTING: Final = fold_words("بمساندة وبمساندة بدعم وبدعم بإسناد وبإسناد بمشاركة وبمشاركة")
"""Words before "من" and a group that only supported the incident's side ("داهمت قوة من
الأسايش، بمساندة من قوات التحالف الدولي")."""


_IT_IS: Final = fold_words("وهي وهو وهم وهما")
"""Words before an apposition ("قوات سوريا الديمقراطية، وهي تحالف فصائل"): what the group
is, not another side."""


_UNDER: Final = fold_words("الخاضعة الخاضع الخاضعين")
_CONTROL: Final = fold_words("لسيطرة لنفوذ")
_HOLDS: Final = _HOLDING | _UNDER | _CONTROL
"""Words before a group that holds the area fire came from ("التي يسيطر عليها الحوثيون")."""


def _holds_area(near: list[Token]) -> bool:
    """Whether a mention only says who holds the area ("على الضفة الأخرى لنهر الفرات الخاضعة
    لسيطرة «قسد»"): where the incident was, not who fought in it."""
    return len(near) >= 2 and near[0].folded in _CONTROL and near[1].folded in _UNDER


def _backs(near: list[Token]) -> bool:
    """Whether a mention only backs the group named before it ("فصائل الجيش الوطني الموالية
    لتركيا", "مجموعات مدعومة من إيران"): neither side of the incident. Not after a word for
    fighters ("المسلحين الموالين لتنظيم داعش": the group they belong to)."""
    at = 1 if near and near[0].folded in ("من", "مع") else 0
    if len(near) <= at or not _hits(near[at], _BACKING):
        return False
    return len(near) <= at + 1 or not _hits(near[at + 1], _FIGHTER_WORDS)


def counted_among_dead(tokens: list[Token], mention: ActorMention, begin: int) -> bool:
    """Whether a mention is who the dead or wounded were ("مقتل خمسة من عناصر X", "جنديان من
    قوات النظام قُتلا", the second of "قُتل ثلاثة من X وعنصران من Y")."""
    wider = _before(tokens, mention, begin, 6)
    near = wider[:3]
    if near and near[0].folded.isdigit():
        # "وقتل في الضربات 14 مسلحاً موالياً لإيران": the count right before them
        return any(_hits(token, _KILLING) for token in wider)
    if len(near) >= 2 and near[0].folded == "في" and _hits(near[1], _ONE_OF_ITS_MEN):
        near = [near[1], *near[2:]]  # "قُتل عنصر في قوات سوريا الديمقراطية": one of its men
    elif not any(token.folded == "من" for token in near):
        return False
    if any(t.folded.startswith("و") for t in near[1:]) and any(_hits(t, _FIGHTERS) for t in near):
        wider = _before(tokens, mention, begin, 16)
    after = tokens[mention.last_token : mention.last_token + 3]
    return any(_hits(token, _KILLING) for token in wider) or any(
        _hits(token, _DIED) for token in after
    )


def named_as_source(tokens: list[Token], mention: ActorMention, begin: int) -> bool:
    """Whether a mention is who tells the news ("أعلنت خلية الإعلام الأمني", "بحسب المرصد")."""
    near = _before(tokens, mention, begin, 3)
    if not near:
        return False
    if _hits(near[0], _SOURCES):
        return True
    # "قال مصدر في شرطة القضاء", "مصادر من الجيش": the source belongs to the force
    if len(near) >= 2 and near[0].folded in ("في", "من") and _hits(near[1], _SOURCES):
        return True
    # "قالت القيادة العامة للجيش", "قالت قناة المسيرة التابعة للحوثيين": who owns the source
    for token in _before(tokens, mention, begin, 5):
        if _hits(token, _SOURCES):
            return True
        if not _hits(token, _SOURCE_NOUNS):
            return False
    return False


@lru_cache(maxsize=4096)
def _head_role(head: str) -> str | None:
    """TARGET when a mention's first word names what is hit, ATTACKER when a weapon, else None."""
    if any(word in head for word in _TARGET_WORDS):
        return TARGET
    if any(word in head for word in _WEAPON_WORDS):
        return ATTACKER
    return None


_WHERE_SAID: Final = fold_words("في بيان لها له عبر رسمي مقتضب مصور لاحق")


def claims_own_act(tokens: list[Token], mention: ActorMention, text: str) -> bool:
    """ "أعلن حزب الله أن مقاتليه قصفوا": the actor says its own men did it (a pronoun,
    not the ة of "إن العبوة", which folding writes alike)."""
    # "أعلنت المقاومة الإسلامية في بيان أن مجاهديها": where it said so, between
    at = _past_where_said(tokens, mention)
    if at + 1 >= len(tokens) or tokens[at].folded not in ("ان", "بان"):
        return False
    word = tokens[at + 1]
    if not text[word.start : word.end].rstrip(_HARAKAT).endswith(("ه", "ها", "هم")):
        return False
    # what its men did is a strike ("قصفوا"), not what befell them ("إن قواتها تعرضت")
    return any(_hits(t, _STRUCK) for t in tokens[at + 2 : at + 4])


_STRUCK: Final = _ACTIVE_VERBS | fold_words(
    "استهدفوا قصفوا هاجموا شنوا أطلقوا فجروا نفذوا دمروا استهدفا قصفا تمكنوا تمكنت تمكن"
)
_ASSAULT_ADJECTIVES: Final = fold_words(
    "واسعا واسع عنيفا عنيف جديدا جديد كبيرا مباغتا مضادا معاكسا مدفعي صاروخي جوي مدفعيا صاروخيا"
)
_GAINS: Final = fold_words("تحرير استعادة السيطرة سيطرتها سيطرته")
_WHEN: Final = fold_words(
    "اليوم امس مساء صباح فجر ليل ليلة يوم ظهر عصر"
    " السبت الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة"
)


def _attack_owned(near: list[Token]) -> bool:
    """Whether the words before a mention name an attack it owns: "قصف لقوات النظام",
    "هجوماً واسعاً لميليشيا الحوثي" (an adjective between)."""
    if near and _hits(near[0], _ATTACK_NOUNS):
        return True
    return len(near) >= 2 and _hits(near[0], _ASSAULT_ADJECTIVES) and _hits(near[1], _ATTACK_NOUNS)


def _announces_gain(tokens: list[Token], mention: ActorMention) -> bool:
    """ "أعلنت قيادة العمليات المشتركة، اليوم الخميس، تحرير مركز القضاء": who announces that it
    took ground took it (a source otherwise)."""
    for token in tokens[mention.last_token : mention.last_token + 5]:
        if _hits(token, _GAINS):
            return True
        if not _hits(token, _WHEN):
            return False
    return False


def _says_it_struck(tokens: list[Token], mention: ActorMention) -> bool:
    """ "أعلن الجيش الإسرائيلي أنه قصف": the actor says that it struck (not "قال المرصد إنه
    وثّق", where what follows is no strike)."""
    at = _past_where_said(tokens, mention)
    return (
        at + 1 < len(tokens)
        and _hits(tokens[at], _ATTACKER_AFTER)
        and _hits(tokens[at + 1], _ACTIVE_VERBS)
    )


def _past_where_said(tokens: list[Token], mention: ActorMention) -> int:
    """The token after a mention and the words saying where it spoke ("أعلنت القوات المسلحة
    في بيان أنها …")."""
    at = mention.last_token
    while at < min(len(tokens), mention.last_token + _SAID_REACH) and (
        tokens[at].folded in _WHERE_SAID or tokens[at].folded in _WHEN
    ):
        at += 1  # "أعلن «حزب الله»، صباح اليوم الأحد، أن مقاتليه": when it spoke, too
    return at


_SAID_REACH: Final = 6


def assign_roles(
    mentions: list[ActorMention], tokens: list[Token], text: str, begin: int, trigger_at: int
) -> Roles:
    """Pick the attacker and the target among a clause's actor mentions."""
    weight: dict[tuple[str, str], float] = defaultdict(float)
    first_seen: dict[str, ActorMention] = {}
    clearest: dict[tuple[str, str], ActorMention] = {}
    mentions = _with_leaders(mentions, tokens)
    kept = _without_generic(mentions, tokens)
    # "تجمعاً لجنود العدو الإسرائيلي": the soldiers' role is their force's
    soldiers = {_force_at(tokens, m): m for m in mentions if m.key == STATE and m not in kept}
    mentions = kept
    for mention in mentions:
        found = _evidence(mention, tokens, text, begin, trigger_at)
        generic = soldiers.get(mention.first_token)
        if generic is not None:
            theirs = _evidence(generic, tokens, text, begin, trigger_at)
            if theirs is not None and (found is None or theirs[1] > found[1]):
                found = theirs
        if found is None:
            continue
        role, strength = found
        first_seen.setdefault(mention.key, mention)
        if strength > weight[(mention.key, role)]:
            # the words that say it most clearly stand for the actor ("عائلة", not "أشخاص")
            clearest[(mention.key, role)] = mention
            weight[(mention.key, role)] = strength
    same: list[ActorMention] = []
    _between(mentions, tokens, begin, weight, first_seen, same)
    _clashed_with(mentions, tokens, begin, weight, first_seen, same)
    if same:
        return Roles(same[0], same[1])
    order = list(first_seen)

    def best(role: str, exclude: str | None) -> ActorMention | None:
        ranked = sorted(
            (
                key
                for key in order
                if key != exclude
                and weight.get((key, role), 0) > 0
                and weight[(key, role)] >= weight.get((key, _other(role)), 0)
            ),
            key=lambda key: -weight[(key, role)],
        )
        if not ranked:
            return None
        return clearest.get((ranked[0], role), first_seen[ranked[0]])

    attacker = best(ATTACKER, None)
    target = best(TARGET, attacker.key if attacker else None)
    return Roles(attacker, target)


def _force_at(tokens: list[Token], mention: ActorMention) -> int:
    """Where the force a generic mention belongs to would begin: right after it ("لجنود العدو"),
    or after its rank and "في" ("ضابط برتبة نقيب في الجيش العراقي")."""
    at = mention.last_token
    if at + 2 < len(tokens) and tokens[at].folded == "برتبه":
        at += 2
    if at < len(tokens) and tokens[at].folded == "في":
        at += 1
    return at


def _without_generic(mentions: list[ActorMention], tokens: list[Token]) -> list[ActorMention]:
    """The mentions without a generic one that another names more exactly ("جنديين من قوات
    التحالف": the coalition's soldiers, not the state's; "جنديين" beside "الجيش العراقي")."""
    starts = {m.first_token for m in mentions}
    # "نقطة للجيش العراقي … مقتل جنديين": the soldiers are the army the clause names
    governments = any(m.key in _GOVERNMENTS for m in mentions)
    return [
        m
        for m in mentions
        if not (
            m.key in CONTEXTUAL
            and m.last_token < len(tokens)
            and tokens[m.last_token].folded == "من"
            and (m.last_token + 1 in starts or m.last_token + 2 in starts)
        )
        # "ثلاثة من جنود التحالف": the soldiers are of the force named right after them;
        # "نقطة عسكرية لفصيل «فرقة السلطان مراد»": the post is the faction's
        and not (m.key == STATE and (m.last_token in starts or _owned_by_next(tokens, m, starts)))
        and not (m.key == STATE and governments)
    ]


def _owned_by_next(tokens: list[Token], mention: ActorMention, starts: set[int]) -> bool:
    """Whether a generic force is said to belong to the group named right after it, through a
    word with "ل" ("نقطة عسكرية لفصيل «فرقة السلطان مراد»")."""
    at = mention.last_token
    return at + 1 in starts and at < len(tokens) and tokens[at].folded.startswith("ل")


def _between(
    mentions: list[ActorMention],
    tokens: list[Token],
    begin: int,
    weight: dict[tuple[str, str], float],
    first_seen: dict[str, ActorMention],
    same: list[ActorMention],
) -> None:
    """ "اشتباكات بين X و Y": X is recorded as the attacker, Y as the target; two sides of one
    key that may fight each other are put in `same` ("بين فصيلي «أحرار الشرقية» و«الجبهة
    الشامية»")."""
    if not mentions:
        return
    for index in range(begin, max(m.first_token for m in mentions)):
        if tokens[index].folded != _BETWEEN:
            continue
        after = [
            m
            for m in mentions
            if index < m.first_token <= index + 12 and not _backs(_before(tokens, m, begin, 3))
        ]  # "بين فصائل «الجيش الحر» المدعومة من تركيا ومسلحي «داعش»": not who backs a side
        keys = list(dict.fromkeys(m.key for m in after))
        if len(keys) >= 2:
            first, second = (next(m for m in after if m.key == key) for key in keys[:2])
            _record_clash(first, second, weight, first_seen, same)
        elif len(after) >= 2:
            _record_clash(after[0], after[1], weight, first_seen, same)
        elif after and _first_side(tokens, index, after[0]):
            # "بين مقاتلين من الكتائب الثائرة وعناصر «اللواء 80»": the side named first
            _record_clash(after[0], None, weight, first_seen, same)
        else:
            continue  # "الواقعة بين الرمادي والفلوجة": places between, the sides come later
        return


INFIGHTING: Final = frozenset({"syrian_opposition", "tribal"})
"""Keys whose factions or clans, named apart, may fight each other."""
_FIRST_SIDE_REACH: Final = 3
"""How far after "بين" the first side of a clash begins ("بين مقاتلين من الكتائب")."""


def _first_side(tokens: list[Token], between: int, mention: ActorMention) -> bool:
    """Whether a mention is the first of two sides after "بين", the other joined by "و"
    ("بين مقاتلين من الكتائب الثائرة وعناصر …"), not a count ("ما بين 10 و15 إرهابياً")."""
    words = range(between + 1, mention.first_token)
    return (
        mention.key not in ("civilians", "unknown")  # "وإن بين الجرحى طفلين وامرأة": among
        and mention.first_token <= between + _FIRST_SIDE_REACH
        and mention.last_token < len(tokens)
        and tokens[mention.last_token].folded.startswith("و")
        and not any(tokens[i].folded[:1].isdigit() for i in words)
        and (between == 0 or tokens[between - 1].folded != "ما")
    )


_CLASHED: Final = fold_words("اشتبك اشتبكت اشتبكوا تشتبك يشتبك")


def _clashed_with(
    mentions: list[ActorMention],
    tokens: list[Token],
    begin: int,
    weight: dict[tuple[str, str], float],
    first_seen: dict[str, ActorMention],
    same: list[ActorMention],
) -> None:
    """ "اشتبكت فصائل «الجبهة الوطنية للتحرير» مع قوات النظام": the side named with the verb
    is recorded as the attacker, the side after "مع" as the target; two sides of one key
    (two factions of the opposition) are put in `same`."""
    for index in range(begin, max((m.first_token for m in mentions), default=begin)):
        if not _hits(tokens[index], _CLASHED):
            continue
        with_at = next(
            (i for i in range(index + 1, min(len(tokens), index + 16)) if tokens[i].folded == "مع"),
            None,
        )
        if with_at is None:
            return
        sides = [
            next((m for m in mentions if lo < m.first_token < hi), None)
            for lo, hi in ((index, with_at), (with_at, with_at + 6))
        ]
        first, second = sides
        if first is not None:
            _record_clash(first, second, weight, first_seen, same)
        return


def _record_clash(
    first: ActorMention,
    second: ActorMention | None,
    weight: dict[tuple[str, str], float],
    first_seen: dict[str, ActorMention],
    same: list[ActorMention],
) -> None:
    """Record a clash's two sides as its text names them: the first as the attacker and the
    other as the target; the first alone when the other has no key; two factions or clans of
    one key that may fight each other in `same` ("اشتبك عناصر من «العمشات» مع مقاتلين من
    «الجبهة الشامية»")."""
    if second is None:
        _record_side(first, ATTACKER, weight, first_seen)
    elif first.key != second.key:
        _record_side(first, ATTACKER, weight, first_seen)
        _record_side(second, TARGET, weight, first_seen)
    elif first.key in INFIGHTING:
        same.extend((first, second))


def _record_side(
    mention: ActorMention,
    role: str,
    weight: dict[tuple[str, str], float],
    first_seen: dict[str, ActorMention],
) -> None:
    """Record one side of a clash in its role, as strongly as the text can say it."""
    first_seen.setdefault(mention.key, mention)
    weight[(mention.key, role)] = max(weight[(mention.key, role)], 3.0)


def _other(role: str) -> str:
    return TARGET if role == ATTACKER else ATTACKER
