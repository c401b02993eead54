"""Spanish cues (folded text: no accents)."""

from __future__ import annotations

CUES: list[tuple[str, str]] = [
    (
        "neg",
        r"\bbusca\w* (?:un |una |su )?(?:nuev[oa] )?(?:sucesor\w*|sustitut[oa]|relevo)\b"
        r"|\breeleccion\w*\b"
        r"|\breelig\w*\b|\breelegi\w*\b|\bdespid\w* (?:a |de )?(?:mas de )?[\d.,]+\b"
        r"|\bcarga contra\b|\bbusqueda de(?:l| un)? (?:nuev[oa] )?(?:consejer|president|sucesor"
        r"|director)\w*|\bhasta (?:el nombramiento|que se nombre)\b",
    ),
    ("app:a", r"\brenunci\w* al (?:fichaje|nombramiento)\b"),
    ("iend", r"\bseguir(?:a|an)? (?:como|siendo)\b|\bcontinuar(?:a|an)? (?:como|siendo)\b"),
    ("move", r"\bpas\w* a (?:ocupar )?la presidencia\b"),
    (
        "succby",
        r"\b(?:sustituid|reemplazad|relevad)[oa]s? (?:[\w']+ ){0,4}?por\b"
        r"|\bced\w* (?:el|la|su) (?:puesto|cargo|testigo|volante|relevo|presidencia|"
        r"direccion|mando)(?: [\w']+){0,5}? a\b",
    ),
    ("newafter", r"\b(?:le|la|lo) (?:sustitu\w*|reemplaz\w*|releva\w*|sucede\w*)\b"),
    (
        "inplace",
        r"\ben (?:sustitucion|lugar|relevo|reemplazo) de\b|\bsucesor\w* de\b|\bel relevo de\b",
    ),
    (
        "rein",
        r"\brecupera\w* (?:el cargo|la presidencia|el puesto|el mando)\b|\bvuelve a (?:ser|"
        r"dirigir|presidir|ocupar)\b|\breincorpor\w*\b|\brestitu\w*\b|\bregres\w* (?:como|a)\b"
        r"|\bque ya (?:habia )?(?:desempenado|ocupado|dirigido|dirigio|presidio|presidido)\b"
        r"|\bvuelt[oa] a nombrar\b|\bvuelve a nombrar\b|\brecupera a\b",
    ),
    (
        "succ",
        r"\bsuced\w*\b|\bsustitu(?:ye|ira|yo|ir)\b|\breleva\w*\b|\breemplaz(?:a|ara|o|ar)\b"
        r"|\btom(?:a|ara|o|an|aran) el relevo de\b",
    ),
    (
        "dep:resigned:n",
        r"\bdimit\w*\b|\bdimision\w*\b|\brenunci\w*\b"
        r"(?! (?:[\w'-]+ ){0,6}?(?:remuneracion|salario|sueldo|bonus|bono|prima|indemnizacion))",
    ),
    (
        "dep:resigned:b",
        r"\bdej(?:a|ara|aria|o|ar|an|aran|arian)\b|\bced(?:e|era|io)\b|\babandon\w*\b"
        r"|\bse va\b|\bpas\w* a ser vicepresident\w*\b",
    ),
    ("dep:retired:n", r"\bjubil\w*\b|\bse retira\w*\b|\bretiro\b"),
    ("dep:died:n", r"\bfalleci\w*\b|\bmuerte\b|\bmuere\b|\bmurio\b"),
    (
        "dep:dismissed:n",
        r"\b(?:relevar|sustituir|reemplazar|destituir|cesar|apartar)(?:le|lo|la)\b|\bcese\b|\bcesad\w*\b|\bcesa\b|\bdestitu\w*\b|\bdespid\w*\b|\bexpuls\w*\b"
        r"|\bfulmina\w*\b|\bdestrona\w*\b|\bprescind\w* de\b|\bapartad\w*\b",
    ),
    ("dep:unspecified:n", r"\bsalida\b|\bmarcha\b|\bsuspendid\w*\b"),
    (
        "app:n",
        r"\bnombr\w*\b|\bdesign\w*\b|\belegid\w*\b|\beligi\w*\b|\belige\b|\bficha\w*\b"
        r"|\bpromocion\w*\b|\bascend\w*\b|\bconfia\w* (?:la presidencia|la direccion)\b",
    ),
    (
        "app:b",
        r"\basum\w*\b|\bpas(?:a|ara|o|aria) a (?:ser|presidir)\b|\bpresidira\b"
        r"|\b(?:vaya|va|iba) a presidir\b"
        r"|\btoma (?:el relevo|las "
        r"riendas|el mando|el timon)\b|\bse incorpora\w*\b|\bllega\w*\b",
    ),
    ("app:b:weak", r"\bsera\b|\bnuev[oa]\b|\bse convierte en\b|\bes desde (?:hoy|ahora)\b"),
]

# Every BOARD pattern contains one of these substrings (a cheap pre-check).
BOARD_KEYS = ("consej", "vacante")

BOARD: list[tuple[str, str]] = [
    (
        "bleave",
        r"\babandona\w* el consejo\b|\bdeja\w* el consejo\b|\bsale del consejo\b"
        r"|\brenunci\w* a su puesto de consejer\w*\b(?! delegad)"
        r"|\bdimit\w* como consejer\w*\b(?! delegad)"
        r"|\bla vacante de\b",
    ),
    (
        "bjoin",
        r"\bocupara en el consejo\b|\bentra\w* en el consejo\b|\bcomo consejer[oa]s? "
        r"(?:independiente|dominical|externo)\w*\b|\bnuev[oa]s? consejer[oa]s?\b(?! delegad)"
        r"|\bnombramiento (?:de [\w ]{1,40}?)?como consejer[oa]s?\b(?! delegad)"
        r"|\bcomo consejer[oa]\b(?! delegad)",
    ),
    ("bover", r"\bnuevo consejo\b|\brenovacion del consejo\b"),
]

ROLES: list[tuple[str, str]] = [
    # Posts outside any company (ministers, diplomats, coaches): a cue about one is no
    # company event.
    (
        "gov",
        r"\bministr[oa]\b|\bsecretari[oa] de estado\b|\bembajador[a]?\b|\bgobernador[a]?\b"
        r"|\bsenador[a]?\b|\bentrenador[a]?\b|\bseleccionador[a]?\b",
    ),
    ("none", r"\bvicepresident\w*\b|\bexpresident\w*\b|\bex\w*consejer\w*\b|\bantigu[oa]\b"),
    ("same", r"\bel cargo\b|\bel puesto\b|\bsu puesto\b|\bsu lugar\b"),
    (
        "ceo",
        r"\bconsejer[oa] delegad[oa]\b|\bdirector[a]? general\b|\bceo\b|\bprimer ejecutivo\b"
        r"|\bal frente\b|\bel volante\b|\blas riendas\b|\bcupula\b"
        r"|\bla direccion(?: general| ejecutiva)?\b(?! financiera)",
    ),
    (
        "chair",
        r"\bpresidir\b|\bpresidira\b|\bpresident[ea] (?:ejecutiv[oa]|no ejecutiv[oa]"
        r"|del consejo(?: de administracion)?)\b"
        r"|\bpresidencia\b|\bpresident[ea]\b",
    ),
    ("cfo", r"\bdirector[a]? financier[oa]\b|\bcfo\b"),
    ("coo", r"\bdirector[a]? de operaciones\b|\bcoo\b"),
    ("director", r"\bconsejer[oa]s?\b"),
]

RUMOR = (
    r"\b(?:seria|estaria|podria|habria|tendria|deberia|asumiria|sustituiria|dejaria|ocuparia"
    r"|nombraria|saldria|sucederia|prepararia|planearia|estudiaria|buscaria|relevaria|cesaria"
    r"|destituiria|abandonaria|renunciaria|dimitiria|ficharia|elegiria|propondria)n?\b"
    r"|\bsegun (?:fuentes|distintas fuentes|varias fuentes|medios"
    r"|la prensa|informaciones|fuentes cercanas)\b|\bfuentes (?:cercanas|consultadas|del sector)\b"
    r"|\bse perfila\b|\bquinielas\b|\bfavorit[oa]\b|\ben conversaciones\b"
    r"|\bpresion(?:es)? (?:para|sobre)\b|\bbajo presion\b|\bpreve\b"
    r"|\brumor\w*\b|\bespecula\w*\b|\bpodria\b|\bpuede\b"
)
DENY = (
    r"\bdesmient\w*\b|\bdesmintio\b|\bniega\w*\b|\bnego\b|\bdescarta\w*\b|\bno tiene (?:intencion|"
    r"planes)\b|\bes incorrecto\b|\bfalso\b|\brenunci\w* al (?:fichaje|nombramiento)\b"
    r"|\bno seguir adelante con\b"
)
INTERIM = r"\binterin\w*\b|\bprovisional\w*\b|\ben funciones\b|\baccidental\b"
