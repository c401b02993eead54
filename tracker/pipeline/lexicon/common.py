"""Cross-language word lists (folded: lower case, no accents)."""

from __future__ import annotations

# Everyday words in en/fr/de/es/it that are also used as company names or name
# parts. A watchlist alias equal to one of them is *ambiguous*: it is taken as
# the company only with supporting context (see ``match.py``).
COMMON_WORDS = frozenset(
    """
    apple apples orange oranges total meta uber shell next sky target gap visa oracle
    square block snap alphabet general edge box zoom slack match fossil guess coach
    puma jaguar mango free delta eagle echo first focus global horizon ideal impact
    legacy liberty matrix pilot pioneer prime pulse quest sage signal spark summit sun
    titan trust unity vector vista crown corona chase dish ford best buy dollar key
    red blue green black white gold silver star moon river ocean rock stone fox bird
    lion bear bull wolf door window windows office word excel pages numbers amber
    pomme bleu rouge vert avenir bon bien sante lumiere etoile soleil
    manzana naranja sol luz mar banco caja casa estrella
    apfel gesamt post bahn stern sonne
    mela arancia arancio totale stella luce porta sole moto fiore
    """.split()
)

# Words that, right after an ambiguous name, show it is the company.
CORP_AFTER = frozenset(
    """
    inc corp corporation co ltd plc llc ag se sa spa nv gmbh group groupe gruppo grupo
    holding holdings board shares stock stocks chief ceo cfo coo cto chairman chairwoman
    chair president executive executives spokesman spokeswoman spokesperson said says
    announced reported investors shareholders directors earnings revenue boss founder
    conseil directeur patron pdg actionnaires action titre
    konzern vorstand aufsichtsrat aktie aktien chef chefin gruender
    consejo consejero presidente acciones accionistas fundador
    consiglio amministratore azioni azionisti fondatore
    """.split()
)

# Words after a company name that make the company name a prefix of a subsidiary.
CORP_SUFFIXES = frozenset(
    "inc corp corporation co ltd plc llc ag se sa spa nv gmbh group groupe gruppo grupo "
    "holding holdings platforms motors motor computer".split()
)

# Nouns that make a role a division/unit role rather than top leadership.
DIVISION_WORDS = frozenset(
    """
    division divisions unit units arm business businesses subsidiary subsidiaries
    segment brand franchise operations region
    filiale filiales branche activite activites
    sparte tochter tochtergesellschaft geschaeftsbereich bereich stahlsparte cloud-sparte
    division filial unidad negocio marca
    divisione controllata unita filiale
    """.split()
)

# Objects of "fire/cut" verbs that mean layoffs, not an executive change.
WORKER_WORDS = frozenset(
    """
    jobs job workers employees staff positions roles people workforce
    emplois postes salaries employes personnes effectifs
    stellen arbeitsplatze arbeitsplaetze mitarbeiter beschaftigte beschaeftigte jobs
    empleados trabajadores empleos puestos plantilla personas
    dipendenti lavoratori posti persone esuberi
    """.split()
)

# Temporal words before a nominal cue that make it background ("after X's ouster").
BACKGROUND_PREPS = frozenset(
    """
    after since following
    apres depuis suite
    nach seit
    tras despues desde
    dopo seguito
    """.split()
)

# Verbs/markers of a passive construction right before a participle cue.
PASSIVE_MARKERS = frozenset(
    "was were been being is are be "
    "ete est a fut sont "
    "wurde wurden worden ist "
    "fue sido ha es "
    "stato stata e viene venne".split()
)

# Small function words shared by several rules.
COORD_WORDS = frozenset("and et und y e".split())  # "X and Y"
AS_WORDS = frozenset("as comme als como come".split())  # "named X as chairman"
BY_WORDS = frozenset("by par von por da".split())  # "fired by the board", "chaired by X"

# Collective agents: "the board fired X" -> the person is after the verb.
AGENT_WORDS = frozenset(
    "board directors company group shareholders investors it "
    "conseil groupe administrateurs actionnaires "
    "aufsichtsrat konzern unternehmen verwaltungsrat hauptversammlung "
    "consejo junta compania grupo accionistas "
    "consiglio societa gruppo azionisti".split()
)

# Leadership nouns: one within four tokens of an ambiguous name shows it is the company.
LEADERSHIP = frozenset(
    """
    cupula vertice spitze relevo timone
    ceo cfo coo cto chief chairman chairwoman chair board directors executive president
    pdg directeur directrice patron patronne presidente presidence conseil
    vorstand vorstandschef vorstandschefin aufsichtsrat chef chefin konzernchef
    consejero consejera presidenta consejo amministratore consiglio
    """.split()
)

# Country/unit words glued after a company name: "HSBC UK", "Santander España",
# "Telefónica Deutschland", "Disneyland Paris" are national units, not the group.
COUNTRY_UNITS = frozenset(
    """
    uk us usa america americas europe emea asia africa
    espana spain mexico brasil brazil argentina chile portugal
    deutschland germany osterreich austria schweiz suisse switzerland
    france italia italy canada china india japan australia
    paris london madrid milano milan berlin munchen rome roma
    """.split()
)

# Capitalised nouns after a company name that make it a unit or another firm carrying
# the name: "Rolls-Royce Motor Cars", "Continental Airlines", "Disney Entertainment".
UNIT_NOUNS = frozenset(
    """
    airlines airline airways cars power systems energy capital financial
    studios studio pictures records entertainment media news health healthcare
    technologies labs ventures foundation insurance services solutions networks mobility
    aerospace defence defense marine trucks automotive chemicals foods beverages retail
    stadium arena cup center centre cloud music games gaming books energie energia medical
    pharma pharmaceuticals consumer digital logistics cargo helicopters lighting telecom
    telecoms racing construction immobilier formula f1 team
    """.split()
)

# Headlines announcing a change of chief executive without naming the post:
# "Führungswechsel bei ABB", "Relevo en la cúpula de DIA", "Cambio al vertice di Terna".
TOP_CHANGE = (
    r"\b(?:fuhrungswechsel|chefwechsel|wechsel an der (?:konzern)?spitze|change at the top"
    r"|leadership (?:change|shake-?up)|changement (?:de direction|a la tete)|passage de temoin"
    r"|relevo en la (?:cupula|direccion)|cambio (?:en la cupula|al vertice|ai vertici|di vertice)"
    r"|cambio della guardia)\b"
)

# Bodies outside a company's management: a seat or a task there is no leadership change
# ("appointed to an advisory council", "prend la tête de la cellule de crise").
EXTERNAL_BODIES = (
    "advisory council",
    "advisory board",
    "advisory panel",
    "task force",
    "foundation",
    "commission",
    "council",
    "conseil consultatif",
    "comite consultatif",
    "cellule de crise",
    "fondation",
    "consejo asesor",
    "consejo consultivo",
    "fundacion",
    "comision",
    "beirat",
    "stiftung",
    "kommission",
    "krisenstab",
    "consiglio consultivo",
    "fondazione",
    "commissione",
    "negociacion",
    "negociation",
    "negotiation",
    "verhandlung",
    "trattativa",
)

# Glued compound tails meaning "subsidiary": "Telefónica-Tochter", "VW-Sparte".
SUBSIDIARY_TAILS = frozenset("tochter tochterfirma sparte filiale ableger".split())

# Words right before a company name making it the parent of another entity:
# "a unit of Eni", "la società di Eni", "filiale de Renault", "Tochter von VW".
PARENT_MARKERS = frozenset(
    """
    subsidiary unit arm affiliate filiale filial societa controllata tochter
    """.split()
)

# Month names (folded), for past-dated clauses ("who left in March").
MONTHS = frozenset(
    """
    january february march april june july august september october november december
    janvier fevrier mars avril juin juillet aout septembre octobre novembre decembre
    januar februar marz juni juli oktober dezember
    enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
    gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre
    """.split()
)

# Past-time words: "last year", "l'an dernier", "letzten Jahr", "el año pasado".
PAST_WORDS = frozenset(
    "last earlier ago dernier derniere letzten vergangenen pasado pasada scorso scorsa".split()
)

# Future/progressive markers: a clause with one of these is not a past fact.
NOT_PAST = frozenset("will shall is are wird werden sera sara va".split())

# Words opening a descriptive clause after a name: "X, who left in May".
CLAUSE_OPENERS = frozenset(
    "who which whose qui que dont der die dessen deren che cuyo cuya parti partie partito "
    "partita uscito salido".split()
)

# "quittera comme prévu le groupe", "will retire as planned": an exit announced before.
AS_PLANNED = (
    "as planned",
    "as previously announced",
    "as announced",
    "comme prevu",
    "comme annonce",
    "wie geplant",
    "wie angekundigt",
    "wie bereits angekundigt",
    "como estaba previsto",
    "como se anuncio",
    "como previsto",
    "come previsto",
    "come annunciato",
)

# Nouns that, right after a capitalised run, make the run an organisation:
# "Twitch boss", "Google veteran", "Roche-Manager".
DESCRIPTOR_NOUNS = frozenset(
    """
    boss chief veteran executive executives ceo cfo chairman founder cofounder co-founder
    manager head alumnus insider
    chef chefin manager grunder gruender vorstand patron pdg fondateur fundador fondatore
    """.split()
)
