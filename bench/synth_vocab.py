"""Words for synthetic learning outcomes: verbs, nouns, modifiers and contexts in five languages.

Index i of every list means the same thing in every language, so an outcome drawn
as (verb, modifier, noun, context) indices reads as a translation in each language
and maps to the same skill (verb x noun x modifier gives 12 * 25 * 10 = 3,000 skills).
"""

from __future__ import annotations

from functools import cache

LANGUAGES = ("en", "et", "da", "fr", "es")

VERBS = {
    "en": "install maintain inspect design repair assemble test document operate plan calibrate "
    "configure",
    "et": "paigaldada hooldada kontrollida projekteerida parandada koostada testida dokumenteerida "
    "käitada planeerida kalibreerida seadistada",
    "da": "installere vedligeholde inspicere designe reparere samle teste dokumentere betjene "
    "planlægge kalibrere konfigurere",
    "fr": "installer entretenir inspecter concevoir réparer assembler tester documenter exploiter "
    "planifier étalonner configurer",
    "es": "instalar mantener inspeccionar diseñar reparar montar probar documentar operar "
    "planificar calibrar configurar",
}

NOUNS = {
    "en": "pumps|valves|circuits|sensors|welds|pipes|motors|panels|networks|databases|boilers|"
    "turbines|batteries|roofs|walls|bridges|vehicles|engines|robots|controllers|servers|meters|"
    "heaters|fans|cables",
    "et": "pumbad|ventiilid|vooluringid|andurid|keevisõmblused|torud|mootorid|paneelid|võrgud|"
    "andmebaasid|katlad|turbiinid|akud|katused|seinad|sillad|sõidukid|jõuallikad|robotid|"
    "kontrollerid|serverid|arvestid|kütteseadmed|ventilaatorid|kaablid",
    "da": "pumper|ventiler|kredsløb|sensorer|svejsninger|rør|motorer|paneler|netværk|databaser|"
    "kedler|turbiner|batterier|tage|vægge|broer|køretøjer|maskiner|robotter|styringer|servere|"
    "målere|varmeapparater|ventilatorer|kabler",
    "fr": "pompes|vannes|circuits|capteurs|soudures|tuyaux|moteurs|panneaux|réseaux|"
    "bases de données|chaudières|turbines|batteries|toitures|murs|ponts|véhicules|machines|"
    "robots|automates|"
    "serveurs|compteurs|radiateurs|ventilateurs|câbles",
    "es": "bombas|válvulas|circuitos|sensores|soldaduras|tuberías|motores|paneles|redes|"
    "bases de datos|calderas|turbinas|baterías|tejados|muros|puentes|vehículos|máquinas|robots|"
    "controladores|servidores|contadores|calefactores|ventiladores|cables",
}

MODIFIERS = {
    "en": "electrical|hydraulic|industrial|domestic|digital|solar|mechanical|pneumatic|"
    "low-voltage|automated",
    "et": "elektrilised|hüdraulilised|tööstuslikud|kodused|digitaalsed|päikese|mehaanilised|"
    "pneumaatilised|madalpinge|automatiseeritud",
    "da": "elektriske|hydrauliske|industrielle|private|digitale|sol|mekaniske|pneumatiske|"
    "lavvolts|automatiserede",
    "fr": "électriques|hydrauliques|industriels|domestiques|numériques|solaires|mécaniques|"
    "pneumatiques|basse tension|automatisés",
    "es": "eléctricos|hidráulicos|industriales|domésticos|digitales|solares|mecánicos|neumáticos|"
    "de baja tensión|automatizados",
}

CONTEXTS = {
    "en": "safely|to specification|in a team|under supervision|on site|according to standards|"
    "with minimal waste|in a workshop",
    "et": "ohutult|vastavalt spetsifikatsioonile|meeskonnas|juhendamisel|objektil|"
    "vastavalt standarditele|minimaalsete jäätmetega|töökojas",
    "da": "sikkert|efter specifikation|i et team|under tilsyn|på stedet|efter standarder|"
    "med minimalt spild|i et værksted",
    "fr": "en sécurité|selon les spécifications|en équipe|sous supervision|sur site|"
    "selon les normes|avec un minimum de déchets|en atelier",
    "es": "de forma segura|según las especificaciones|en equipo|bajo supervisión|en obra|"
    "según las normas|con un mínimo de residuos|en un taller",
}

_POSTPOSED = {"fr", "es"}
"""Languages whose adjectives follow the noun."""


def words(table: dict[str, str], language: str) -> list[str]:
    """One word list of a table, split on spaces (verbs) or bars (phrases)."""
    return list(_split(id(table), language))


@cache
def _split(table: int, language: str) -> tuple[str, ...]:
    # keyed by the table's identity: the four tables are module constants
    raw = _TABLES[table][language]
    return tuple(raw.split("|") if "|" in raw else raw.split())


_TABLES = {id(t): t for t in (VERBS, NOUNS, MODIFIERS, CONTEXTS)}

N_VERBS = len(words(VERBS, "en"))
N_NOUNS = len(words(NOUNS, "en"))
N_MODIFIERS = len(words(MODIFIERS, "en"))
N_CONTEXTS = len(words(CONTEXTS, "en"))
N_SKILLS = N_VERBS * N_NOUNS * N_MODIFIERS


def phrase(language: str, verb: int, noun: int, modifier: int, context: int | None) -> str:
    """A learning outcome (or, without context, a skill label or title) in one language."""
    v = _split(id(VERBS), language)[verb]
    n = _split(id(NOUNS), language)[noun]
    m = _split(id(MODIFIERS), language)[modifier]
    obj = f"{n} {m}" if language in _POSTPOSED else f"{m} {n}"
    text = f"{v} {obj}"
    if context is not None:
        text += " " + _split(id(CONTEXTS), language)[context]
    return text[0].upper() + text[1:]


def skill_index(verb: int, noun: int, modifier: int) -> int:
    """The skill an outcome with these words is aligned to."""
    return (verb * N_NOUNS + noun) * N_MODIFIERS + modifier


for _table in (VERBS, NOUNS, MODIFIERS, CONTEXTS):
    assert len({len(words(_table, lang)) for lang in LANGUAGES}) == 1
