"""Multilingual intent patterns: a request to harm plus a harmful target (hard signals), and safe
frames (history, definitions, fiction and games, technical homonyms, harmless targets).

Patterns run on ``normalize.views`` output (casefolded, de-obfuscated). They aim at precision:
anything they do not settle goes to the embedding classifier.
"""

from __future__ import annotations

import re

from guardrails.detectors import BENIGN, HARD, SOFT, CheckPoint, Signal

NAME = "lexicon"
CHECK_POINTS = (CheckPoint.INPUT, CheckPoint.OUTPUT, CheckPoint.CHUNK)
LANGUAGES = ("en", "et", "ru")

_ASK = r"(?:how|ways?|best way|easiest way|help me|teach me|tell me|show me|explain how|i want|i need|i'm going|i am going|let's|can you|steps?|guide|instructions?|where can i|where do i)"
_PEOPLE = (
    r"(?:someone|somebody|anyone|a person|people|persons?|humans?|humanity|him|her|them|my (?:\w+ ){0,2}"
    r"(?:wife|husband|girlfriend|boyfriend|mom|mum|mother|dad|father|brother|sister|teacher|classmate|"
    r"neighbou?r|boss|friend|ex|kid|child|son|daughter|stepfather|stepmother|parents?|family|coworker|partner|"
    r"grandma|grandpa|roommate|bully)|an? (?:child|kid|baby|woman|man|girl|boy|student|cop|police officer|"
    r"jew|muslim|christian|immigrant|black person|gay person)|children|kids|students|classmates|the president|"
    r"a politician|my school|a school|a crowd|a hospital|a church|a mosque|a synagogue)"
)
_HARM_VERB = (
    r"(?:kill|murder|stab|strangle|poison|shoot|behead|decapitate|torture|kidnap|abduct|beat up|beat|hurt|"
    r"injure|maim|drown|suffocate|smother|choke|assault|slit|cut off|terminate|eliminate|execute|"
    r"smash|break|punch|tackle|set fire to|burn|rape|attack|blow up|bomb|run over)"
)

_PRIVATE = (
    r"(?:e-?mail(?: address)?|address|phone(?: number)?|number|password|pin|passcode|location|social security|"
    r"bank\w*|credit card|medical|diary|messages|browsing history|login|sexual orientation|sexuality|religio\w*|"
    r"political (?:affiliation|views|beliefs)|criminal (?:history|record)|health|diagnosis|salary|income|"
    r"immigration status|union membership|therapy|date of birth|birth certificate|ssn|iphone pin)\b"
)
# Arguing that people should lose rights or be kept out (targets screened by the "absurd" frame).
_EXCLUDE = (
    r"(?:be (?:barred|banned|excluded|denied|prevented|forbidden|deported|segregated|stripped|expelled|fired|"
    r"kept out|refused|prohibited|disenfranchised|sterili[sz]ed|locked up)|not be (?:allowed|permitted|given|able)|"
    r"(?:not|never) (?:have|get|be given) (?:the )?(?:right|freedom|vote|access)|lose (?:the|their) (?:right|vote|citizenship|jobs?)|"
    r"have (?:their|the) partners? make decisions|not (?:to )?have the freedom|be treated as (?:second|lesser))"
)

# (category, pattern) pairs; en first, then et and ru stems.
_HARD: tuple[tuple[str, str], ...] = (
    ("violence", rf"\b{_ASK}\b.{{0,40}}\b{_HARM_VERB}\b.{{0,25}}\b{_PEOPLE}\b"),
    ("violence", r"\b(?:get away with|commit|cover up) (?:a )?murder\b|\bhow (?:do|can|should) i (?:murder|kill)\b"),
    ("violence", r"\b(?:beat|hit|slap) (?:my|his|her) (?:wife|husband|girlfriend|boyfriend|kids?|child|children|partner)\b"),
    ("violence", r"\b(?:tappa|mõrvata|mürgitada|pussitada|peksta|läbi peksta|röövida|piinata|haiget teha)\b"
     r".{0,40}\b(?:naabr|klassi|õpetaja|ema|isa|vend|õde|sõbra|inimes|last|lapse|kedagi|teda|neid|kassi)"),
    ("violence", r"\b(?:kedagi|inimest|naabrit|õpetajat|klassivenda|last) (?:tappa|mõrvata|mürgitada|peksta|rünnata)\b"),
    ("violence", r"\b(?:убить|отравить|избить|зарезать|задушить|похитить|замучить|искалечить)\b.{0,30}"
     r"\b(?:соседа|учител|одноклассни|человека|людей|ребёнка|ребенка|отчима|мачеху|маму|папу|брата|сестру|кошку|собаку|кого-нибудь|кого-то|его|её|ее)"),
    ("weapons", r"\b(?:make|build|assemble|construct|create|3d.?print|craft|mix)\b.{0,30}\b(?:pipe bomb|bomb|explosives?|ied|grenade|molotov|napalm|silencer|suppressor|ghost gun|untraceable gun|zip gun|detonator)\b(?!.{0,30}\b(?:minecraft|game|fortnite|roblox|bath)\b)"),
    ("weapons", r"\bconvert\b.{0,30}\b(?:full(?:y)?.?auto|automatic)\b|\bbuy (?:a )?(?:gun|pistol|rifle) (?:illegally|without)\b"),
    ("weapons", r"\b(?:torupomm\w*|pommi teha|lõhkekeha\w*|lõhkeaine(?:t|id)? (?:teha|valmistada)|molotovi)\b|\b(?:сделать|изготовить|собрать) (?:\w+ )?(?:бомбу|взрывчатку|взрывное устройство|коктейль молотова)"),
    ("cbrn_weapons", r"\b(?:make|synthesi[sz]e|produce|culture|weaponi[sz]e|grow|extract|enrich|obtain|release|spread|aerosoli[sz]e|build)\b.{0,40}\b(?:sarin|vx|novichok|tabun|soman|nerve (?:agent|gas)|mustard gas|chlorine gas|ricin|anthrax|botulinum|smallpox|dirty bomb|bioweapon|chemical weapon|biological weapon|nuclear (?:bomb|weapon)|weapons.grade)\b"),
    ("cbrn_weapons", r"\b(?:sünteesida|valmistada|teha)\b.{0,20}\b(?:sariin|ritsiin|närvigaas|siberi katk)|\b(?:синтезировать|получить|сделать|изготовить)\b.{0,20}\b(?:зарин|рицин|зоман|новичок|нервно-паралитическ|сибирск|грязную бомбу)"),
    ("terrorism", r"\b(?:plan|carry out|commit|organi[sz]e|engage in|join|fund|finance|recruit for)\b.{0,30}\b(?:terror\w*|jihad\w*|isis|al.?qaeda|mass shooting|school shooting|suicide bomb\w*|bombing)\b"),
    ("terrorism", r"\b(?:hijack|derail)\b.{0,15}\b(?:plane|aircraft|train|bus)\b|\bterrorirünnak|\bтеракт|\bугнать самол"),
    ("illegal_drugs", r"\b(?:make|cook|synthesi[sz]e|produce|brew|buy|get|smuggle|sell|hide|grow)\b.{0,25}\b(?:meth|methamphetamine|crystal meth|crack|cocaine|heroin|fentanyl|lsd|mdma|ecstasy|mephedrone|ketamine)\b"),
    ("illegal_drugs", r"\b(?:metamfetamiin|amfetamiin|kokaiin|heroiin|fentanüül)\w* (?:teha|valmistada|osta|keeta)|\b(?:сварить|сделать|купить|достать) (?:\w+ )?(?:мефедрон|метамфетамин|кокаин|героин|фентанил|закладк)"),
    ("cybercrime_fraud", r"\b(?:hack|break) into\b.{0,30}\b(?:account|e-?mail|computer|server|system|network|phone|instagram|facebook|database|school|bank|wifi)\b|\b(?:write|create|code|make)\b.{0,15}\b(?:ransomware|keylogger|malware|trojan|phishing (?:e-?mail|page|site|message))\b"),
    ("cybercrime_fraud", r"\b(?:steal|phish)\b.{0,20}\b(?:passwords?|credit cards?|identit(?:y|ies)|bank (?:details|accounts?))\b|\b(?:ddos|dos attack)\b|\bstolen credit card\b|\bfake (?:id|passport|diploma)\b"),
    ("cybercrime_fraud", r"\b(?:häkkida|häkkima|murda sisse)\b.{0,30}\b(?:kont|e-?kool|stuudium|serverisse|arvutisse|süsteemi)|\b(?:взломать|взлом)\b.{0,30}\b(?:аккаунт|почт|страниц|электронный дневник|сервер|сеть|школ)"),
    ("privacy", rf"\bmy (?:\w+ ){{0,2}}\w+'s (?:private |personal |home |secret |current )?{_PRIVATE}"),
    ("privacy", r"\b(?:is|was|are) my (?:\w+ ){0,2}(?:teacher|classmate|neighbou?r|employee|coworker|boss|friend|babysitter|therapist|doctor|tenant)s? (?:gay|lesbian|trans|pregnant|sick|ill|hiv|a member of|in a union|religious|muslim|jewish|christian|an immigrant|illegal)"),
    ("exclusion", rf"\bwhy (?:should|must|shouldn't|should not|can't|cannot|can not|are|is it (?:best|better|right) (?:for|that))\b.{{0,50}}\b{_EXCLUDE}"),
    ("exclusion", rf"\b(?:reasons?|arguments?) (?:why|for|that)\b.{{0,50}}\b{_EXCLUDE}"),
    ("exclusion", r"\bmiks (?:peaks|tuleks|ei tohiks|ei tohi|ei peaks)\b.{0,40}\b(?:keela\w*|välja saat\w*|ilma jät\w*|hääletada|õppida|töötada|elada|abielluda|kandideerida)\b"),
    ("exclusion", r"\bпочему\b.{0,40}\b(?:нельзя|запретить|запрещать|не должны|не имеют права|лишить|выслать)\b.{0,30}\b(?:голосовать|учиться|работать|жить|жениться|выходить замуж|баллотироваться|гражданств\w*|прав\w*)"),
    ("privacy", r"\b(?:spyware|stalkerware|spy app|tracking app|jälgimisrakendus\w*|jälgimisäpp\w*|nuhkvara|шпионск\w* (?:приложени\w*|программ\w*)|программу.слежк\w*)\b"),
    ("privacy", r"\b(?:mu|minu) (?:\w+ ){0,2}(?:parool\w*|kodu\w*aadress\w*|aadress\w*|telefoninumb\w*|pin-kood\w*|e-posti aadress\w*|asukoh\w*|isikukood\w*)|\b(?:пароль|адрес|номер телефона|пин-код|личный код|местоположение)\b.{0,25}\b(?:мо(?:ей|его|их|я|й))\b"),
    ("manipulation", r"\b(?:write|create|make|generate|kirjuta|koosta|tee|напиши|сочини|сделай|придумай)\b.{0,40}\b(?:posts?|postitus\w*|пост\w*|articles?|artikli?\w*|стать\w*|news|uudis\w*|новост\w*|tweets?|messages?|sõnum\w*|сообщени\w*)\b.{0,80}\b(?:rigged|stolen election|falsified|fake votes|võlts\w*|подделан\w*|сфальсифициров\w*|фальсифи\w*|украден\w*)"),
    ("persecution", r"\b(?:right to|benefits? of|good (?:thing|side)|justif(?:y|ied|ication)|replicate|restore|bring back|revive|use .{0,30}methods|overstate|exaggerat\w+|hoax|never happened|didn't (?:really )?happen|glorif\w+|praise)\b.{0,60}\b(?:hitler|nazi\w*|holocaust|genocide|ethnic cleansing|khmer rouge|pinochet|stalin\w*|apartheid|jim crow|slavery|gulag|deportation\w*|massacre|concentration camps?|world war (?:2|ii|two)|what happened to them)\b"),
    ("persecution", r"\b(?:hitler|stalin|pinochet|pol pot|khmer rouge|nazis?)\b.{0,30}\b(?:was|were) (?:right|correct|justified)\b|\bhow (?:do|did|can) .{0,20}\b(?:jews|jewish people|armenians|ukrainians|estonians)\b.{0,20}\b(?:overstate|exaggerate|lie about|make up)\b"),
    ("privacy", r"\b(?:find|get|give me|look up|tell me)\b.{0,20}\b(?:home address|phone number|password|location)\b.{0,20}\b(?:of )?(?:my|this|that) (?:\w+ ){0,2}(?:classmate|teacher|neighbou?r|ex|girlfriend|boyfriend|crush|coworker|streamer|girl|boy|person)\b"),
    ("privacy", r"\b(?:track|spy on|stalk|monitor|read)\b.{0,20}\b(?:my|his|her) (?:\w+ )?(?:ex|girlfriend|boyfriend|wife|husband|classmate|partner|crush)(?:'s)?\b.{0,30}\b(?:without|secretly|messages|phone|location|knowing)\b|\bdox+(?:ing)?\b"),
    ("privacy", r"\b(?:salaja|märkamatult)\b.{0,30}\b(?:sõnum|jälgi|telefon)|\b(?:тайно|незаметно)\b.{0,30}\b(?:читать|следить|отслежива)"),
)

# Self-harm in the first person; help-seeking for someone else is a benign frame below.
_SELF_HARM = (
    r"\b(?:kill|hurt|cut|harm|starve|hang|drown|burn|injure|poison) (?:myself|my ?self)\b",
    r"\b(?:end|take) my (?:own )?life\b|\bcommit suicide\b|\b(?:want|wanna|going|ready) to die\b|\bsuicidal\b",
    r"\bdon'?t want to (?:live|be alive|exist|wake up)\b|\bno reason to live\b|\bbetter off dead\b|\bnobody would (?:miss|care)\b",
    r"\b(?:carve|cut|slit|burn)\b.{0,25}\b(?:my|into my) (?:arms?|wrists?|skin|legs?|thighs?)\b|\bhow many pills\b.{0,30}\b(?:die|overdose|kill)\b",
    r"\bend my life\b|\blike kurt cobain\b|\bjump (?:off|from)\b.{0,20}\b(?:bridge|building|roof)\b.{0,20}\b(?:die|end)\b",
    r"\b(?:end|ennast|enda|iseennast) (?:ära )?(?:tappa|tapma|vigastada|vigastanud|lõigata|lõikuda|näljutada)\b|\btahan surra\b|\b(?:ei taha|ei tahaks) (?:enam )?elada\b|\boma elu (?:valutult )?lõpetada\b|\benesetapu? (?:teha|plaan)",
    r"\b(?:not|never) (?:to )?wake up\b.{0,30}\b(?:pills|take|sleep)|\b(?:pills|tablets|medicine)\b.{0,40}\b(?:not|never) (?:to )?wake up\b|\bmitte (?:enam )?ärgata\b|\bне проснуться\b",
    r"\b(?:порезаться|порежусь|резать себя|режу себя|ennast lõigata|end lõigata|lõikun)\b",
    r"\b(?:покончить с собой|убить себя|порезать себя|уйти из жизни|заморить себя)\b|\bне хочу (?:больше )?жить\b|\bхочу умереть\b|\bпричиняю себе боль\b",
)

_BENIGN: tuple[tuple[str, str], ...] = (
    ("history", r"\b(?:during|in|after|before) (?:the )?(?:world war|ww ?(?:i|ii|1|2)|first world war|second world war|cold war|civil war|holocaust|\d{3,4}s?)\b|\bhistor(?:y|ical|ically)\b|\b(?:why|how) did\b|\bwhat happened\b|\bwere used\b|\bwhat (?:weapons|caused)\b"),
    ("history", r"\bajalugu|\bajaloo|\bsõ(?:da|ja|jas|jad|dade)\b|\blahing|\b\d{4}\. aasta|\baastal \d{4}|\bmiks (?:küüditas|küüditati|juhtus|algas)|\bво время\b|\bв \d{4} году|\b\d{4} год|\bистори|\bвойн[аыеу]|\bбитв|\bсражени|\b(?:war|battle)s?\b"),
    ("history", r"\b\w{3,}(?:али|или|ели|яли)\b|\b\w{3,}(?:asid|esid|isid)\b"),
    ("science", r"\bhow does\b.{0,30}\baffect\b|\beffects? (?:of|on)\b|\bвлия\w*|\bmõju\w*|\bmõjub\b|\bпочему .{0,60}(?:преступлени|запрещен|вредн)\w*|\bmiks (?:on )?.{0,30}(?:keelatud|kahjulik|kuritegu)\b|\bwhy (?:is|are) .{0,30}(?:illegal|banned|harmful|dangerous)\b"),
    ("definition", r"^(?:what is|what's|what are|what does|what was|define|meaning of|explain|describe|who was|who is|who invented|mis on|mis oli|mida tähendab|kes oli|kes leiutas|selgita|kirjelda|что такое|что означает|кто такой|кто изобрёл|кто изобрел|объясни|опиши)\b"),
    ("fiction", r"\b(?:minecraft|fortnite|call of duty|gta|skyrim|zelda|pok[eé]mon|roblox|chess|video ?game|computer game|board game|in the game|in a game|movie|film|novel|the book|a story|fiction|shakespeare|macbeth|hamlet|harry potter|star wars|game of thrones|lord of the rings|batman|marvel|dark knight|arvutimäng|malemäng|romaan|krimi|шахмат|компьютерн|роман|рассказ|детектив)\w*"),
    ("technical", r"\b(?:process(?:es)?|threads?|programs?|scripts?|servers?|daemons?|tasks?|containers?|loops?|jobs?|commands?|terminal|linux|windows|python|java|code|apps?|application|computer|tabs?|browser|protsess\w*|программ\w*|процесс\w*)\b"),
    ("harmless_target", r"\b(?:weeds?|rats?|mice|pests?|mosquito(?:es)?|insects?|bugs?|ants|cockroach(?:es)?|wasps?|mou?ld|bacteria|germs|fish|shrimps?|lobsters?|chicken|steak|turkey|onions?|garlic|vegetables|balloon|tent|photo|picture|goal|deadline|presentation|exam|test|interview|audience|stage|competition|zombies?|dragon|orc|umbrohtu|sibulat|fotot|pilti|värav\w*|nälkj\w*|сорняк\w*|слизн\w*|фото|снимок|гол|мяч|экзамен)\b"),
    ("help_seeking", r"\b(?:help|support|protect) (?:a|my|our|the) (?:friend|student|classmate|child|kid|sister|brother|pupil)\b|\b(?:warning signs|recogni[sz]e|prevent(?:ion)?|lesson plan|for (?:a|the) parent|teachers?|school counsell?or)\b|\b(?:ennetami|märgata|aidata sõpra|õpetaja|tunnikava)|\b(?:помочь другу|помочь подруге|распознать|профилактик|учител)"),
    ("absurd", r"\b(?:speed of light|breathe (?:underwater|in space)|teleport\w*|levitate|invisible|stop time|read minds|walk through walls|photosynthesi[sz]e|time travel|control the weather|\d{3,} decibels|live on the sun|turn into|shoot lasers|fly like birds|fly|without (?:food|water|oxygen) forever|be a (?:robot|bird)|telekinesis|telepathy|superpowers?|lightning from|x-ray vision|on (?:saturn|jupiter|mars|venus|pluto|the moon|the sun|neptune)|in outer space|underwater cities|become invisible|hibernat\w+|(?:grow|have) (?:wings|gills)|(?:speak|talk) to (?:animals|plants))\b"),
    ("nonhuman", r"\b(?:why|should|can)\b.{0,30}\b(?:purple |green |red |white |black |blue |yellow |brown |tall |small )?(?:carrots?|potato(?:es)?|tomato(?:es)?|apples?|bananas?|grapes?|mangos?|mangoes|rice|bread|clouds?|rocks?|stones?|trees?|flowers?|llamas?|cats?|dogs?|horses?|cows?|penguins?|dolphins?|robots?|toasters?|chairs?|tables?|cars?|ghosts?|unicorns?|dragons?|vampires?|elves|teddy bears?|pencils?|books?|lamps?|ice cream|cheese|pizzas?|noodles|cucumbers?|lemons?|pumpkins?|mushrooms?|snowflakes?|rainbows?|coffee beans?|beans?|pickles?|sandwich(?:es)?|socks?|kettles?|microwaves?|fridges?|lamps?|raindrops?|plants?|pebbles?|bees?|ants?|hamsters?|squirrels?|goldfish|sharks?|whales?|butterflies|frogs?|balloons?|teapots?|spoons?|fairies|wizards?|goblins?|hobbits?|zombies?|aliens?|martians?|cartoon characters?|kivid|pilved|delfiin\w*|kassid|кошк\w*|камн\w*|дельфин\w*|облака)\b"),
)

# Hiding an act from parents, teachers, police or dogs: makes a borderline request more likely harmful.
_EVASION = re.compile(
    r"\bwithout (?:getting caught|being (?:caught|noticed|seen|detected)|anyone (?:noticing|knowing|finding out)|"
    r"(?:my )?(?:parents|teachers?|police|mom|dad) (?:noticing|knowing|finding out))\b|\bso (?:that )?(?:no ?one|nobody|"
    r"(?:my )?(?:parents|teachers?|police|dogs?)) (?:won't|doesn't|don't|can't|will not) (?:notice|know|find|see)\b|"
    r"\bnii,? et (?:keegi|õpetaja\w*|vanema\w*|politsei|koera\w*|ema|isa) ei (?:märka\w*|näe\w*|leia\w*|saa teada)|"
    r"\bvahele (?:ei jää|jäämata|mitte jääda)|"
    r"\bчтобы (?:никто|учител\w*|родител\w*|полици\w*|собак\w*|мама|папа) не (?:замети\w*|увиде\w*|узна\w*|наш\w*|наход\w*)|\bне попасться\b"
)

_COMPILED_HARD = tuple((cat, re.compile(p)) for cat, p in _HARD)
_COMPILED_SELF = tuple(re.compile(p) for p in _SELF_HARM)
_COMPILED_BENIGN = tuple((name, re.compile(p)) for name, p in _BENIGN)
_SELF_HARM_SOFT = re.compile(r"\b(?:suicide|self.?harm|overdose|enesetap|enesevigast|суицид|самоубийств|самоповрежд)\w*")

CATEGORIES = tuple(sorted({c for c, _ in _HARD} | {"self_harm"}))


def detect(views: tuple[str, ...]) -> list[Signal]:
    """Hard harm signals, first-person self-harm, soft self-harm mentions and benign frames."""
    signals: list[Signal] = []
    for text in views:
        for cat, pattern in _COMPILED_HARD:
            if m := pattern.search(text):
                signals.append(Signal(NAME, cat, HARD, m.group(0)))
        for pattern in _COMPILED_SELF:
            if m := pattern.search(text):
                signals.append(Signal(NAME, "self_harm", HARD, m.group(0)))
        if m := _EVASION.search(text):
            signals.append(Signal(NAME, "evasion", SOFT, m.group(0)))
        if m := _SELF_HARM_SOFT.search(text):
            signals.append(Signal(NAME, "self_harm", SOFT, m.group(0)))
        for name, pattern in _COMPILED_BENIGN:
            if m := pattern.search(text):
                signals.append(Signal(NAME, name, BENIGN, m.group(0)))
    return list(dict.fromkeys(signals))
