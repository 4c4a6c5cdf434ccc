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

_ASK = r"(?:how|ways?|best way|easiest way|help me|teach me|tell me|show me|explain how|i want|i need|i'm going|i am going|let's|can you|steps?|guide|instructions?|where can i|where do i|process|procedure|method|strategy|technique|plan)"
_PEOPLE = (
    r"(?:someone|somebody|anyone|a person|people|persons?|humans?|humanity|him|her|them|my (?:\w+ ){0,2}"
    r"(?:wife|husband|girlfriend|boyfriend|mom|mum|mother|dad|father|brother|sister|teacher|classmate|"
    r"neighbou?r|boss|friend|ex|kid|child|son|daughter|stepfather|stepmother|parents?|family|coworker|partner|"
    r"grandma|grandpa|grandmother|grandfather|granny|students?|pupils?|roommate|bully|cat|dog|puppy|kitten|pet|hamster|rabbit|horse|parrot)|an? (?:child|kid|baby|woman|man|girl|boy|student|pupil|cop|police officer|"
    r"jew|muslim|christian|immigrant|black person|gay person)|children|kids|students|pupils|classmates|the president|"
    r"a politician|my school|a school|a crowd|a hospital|a church|a mosque|a synagogue|a group of people|"
    r"an? (?:army|military) base|a stadium|a (?:train|bus) station|an airport|a (?:shopping )?mall|a concert|"
    r"a human|human beings|a body|a corpse|the body|people i (?:don't|do not) like|"
    r"an? (?:village|town|city|neighbou?rhood|country|nation|population|tribe|family|school|crowd)|humanity|mankind|the human race|everyone|everybody)"
)
_HARM_VERB = (
    r"(?:kill|murder|stab|strangle|poison|poisons|shoot|behead|decapitate|torture|kidnap|abduct|beat up|beat|hurt|"
    r"injure|maim|drown|suffocate|smother|choke|assault|slit|cut off|terminate|eliminate|execute|"
    r"smash|break|punch|hit|slap|kick|tackle|set fire to|burn|rape|attack|blow up|bomb|run over|"
    r"killing|murdering|stabbing|strangling|poisoning|shooting|beheading|torturing|kidnapping|abducting|hurting|"
    r"injuring|drowning|suffocating|executing|terminating|eliminating|attacking|bombing|blowing up|burning|"
    r"liquidate|liquidating|butcher|butchering|dismember|dismembering|get rid of|getting rid of|dispose of|"
    r"disposing of|make disappear|exterminate|exterminating|wipe out|wiping out|massacre|annihilate|annihilating|raze|destroy|destroying)"
)

# "the best way / easiest method / right dose": a request for means, never a definition.
_HOW_TO_HARM = (
    r"(?:(?:best|easiest|quickest|fastest|simplest|most (?:effective|painful|painless|efficient|reliable)|painless|good|perfect|ideal|right|"
    r"safest) (?:way|ways|method|methods|technique|strategy|dose|amount|target|place|time|position|weapon|poison)|"
    r"(?:general )?(?:process|procedure|steps?|method|strategy|technique|plan) (?:for|of|to)|ways? (?:of|to))"
)

_FIG_VERB = (
    r"(?:kill|killing|murder|murdering|slay|slaying|slash|slashing|snipe|sniping|smash|smashing|crush|crushing|nail|nailing|"
    r"shoot|shooting|blow up|blowing up|bomb|bombed|explode|exploding|pierce|piercing|sever|severing|axe|axing|ax|"
    r"butcher|butchering|execute|executing|eliminate|eliminating|obliterate|obliterating|destroy|destroying|strangle|"
    r"strangling|choke|choking|stab|stabbing|beat|beating|punch|punching|attack|attacking|drown|drowning|kill off|"
    r"wipe out|terminate|terminating|hijack|hijacking|break|breaking|carve|carving|burn|burning)"
)
# Anyone or anything that can be a victim: people, animals, buildings and crowds.
_VICTIM = (
    r"(?:someone|somebody|someones|anyone|person|people|persons|human|humans|him|her|them|man|men|woman|women|child|children|"
    r"kid|kids|baby|babies|boy|girl|student|students|pupil|teacher|wife|husband|girlfriend|boyfriend|mom|mum|mother|dad|"
    r"father|brother|sister|parent|parents|family|neighbou?r|classmate|friend|boss|coworker|colleague|partner|"
    r"president|politician|police|cop|officer|crowd|group|jews?|muslims?|christians?|immigrants?|refugees?|"
    r"animal|animals|cat|cats|dog|dogs|puppy|kitten|horse|bird|pet|hospital|school|church|mosque|synagogue|"
    r"building|base|station|airport|stadium|mall|concert|plane|train|bus|car|house|home|myself|yourself|himself|"
    r"herself|themselves|self|life|lives|body|bodies|corpse|victim|victims|hostage|hostages|account|password|bank|"
    r"grandmother|grandfather|grandma|grandpa|granny|grandparents?|aunt|uncle|stepfather|stepmother|cousin|baby|pupils?|"
    r"toddler|infant|teen|teenager|date|step\w+|city|town|village|country|nation|population|community|bridge|tower|embassy|"
    r"office|factory|plant|dam|ship|boat|vehicle|tribe|race|humanity|mankind|civili[sz]ation|everyone|everybody|species|"
    r"wrist|wrists|arm|arms|skin|throat|neck|head|leg|legs|heart)\b"
)

_PRIVATE = (
    r"(?:e-?mail(?: address)?|address|phone(?: number)?|number|password|pin|passcode|location|social security|"
    r"bank\w*|credit card|medical|diary|messages|browsing history|login|sexual orientation|sexuality|religio\w*|"
    r"political (?:affiliation|views|beliefs)|criminal (?:history|record)|health|diagnosis|salary|income|"
    r"immigration status|union membership|therapy|date of birth|birth certificate|ssn|iphone pin|mental health|medical history|health history)\b"
)
# Arguing that people should lose rights or be kept out (targets screened by the "absurd" frame).
_EXCLUDE = (
    r"(?:be (?:barred|banned|excluded|denied|prevented|forbidden|deported|segregated|stripped|expelled|fired|"
    r"kept out|refused|prohibited|disenfranchised|sterili[sz]ed|locked up)|not be (?:allowed|permitted|given|able)|"
    r"(?:not|never) (?:have|get|be given) (?:the )?(?:equal |the same |any |full )?(?:rights?|freedom|vote|access)|(?:go through|undergo|face|get) (?:extra|additional|more|special) (?:security )?(?:checks|screening|searches|scrutiny)|"
    r"be (?:profiled|searched|monitored|registered|watched|tracked|screened)|lose (?:the|their) (?:right|vote|citizenship|jobs?)|"
    r"have (?:their|the) partners? make decisions|not (?:to )?have the freedom|be treated as (?:second|lesser))"
)

# A consent, puberty or safety lesson is exempt from the sexual-content-with-a-minor patterns, unless it
# asks for a story, a scene or explicit detail.
_SEX_WRITING = (
    r"erotic\w*|sexy|porn\w*|explicit|lewd|stor(?:y|ies)|scenes?|role.?play|fantas\w*|describe|detail\w*|erootili\w*|porno\w*|jutt\w*|lugu|stseen\w*|"
    r"эротическ\w*|порн\w*|рассказ\w*|сцен\w*|подробн\w*"
)
_SEX_LESSON_EXEMPT = (
    # a consent, puberty or safety lesson, with no nudity asked for
    r"^(?!(?:(?=.*\b(?:lesson|class|health|education|teach\w*|curriculum|workshop|tund\w*|tunnikava\w*|õpetus\w*|урок\w*|воспитани\w*|занят\w*)\b)"
    r"(?=.*\b(?:consent|boundaries|puberty|abuse|grooming|safety|protect\w*|nõusolek\w*|piir\w*|puberteet\w*|väärkohtle\w*|согласи\w*|границ\w*|пубертат\w*|насили\w*|безопасност\w*)\b)"
    r"(?!.*\b(?:nude|naked|alasti|голы\w*)\b)"
    # or a parent or teacher reporting what was sent to or demanded from a child, asking what to do
    r"|(?=.*\b(?:what should (?:i|we) do|how (?:do|can|should) (?:i|we) (?:help|respond|report|protect)|who (?:do|should) (?:i|we) (?:tell|contact|call)|"
    r"mida (?:\w+ ){0,3}teha|kuidas (?:\w+ ){0,3}(?:aidata|kaitsta|teatada)|что (?:\w+ ){0,3}делать|как (?:\w+ ){0,3}(?:помочь|защитить|сообщить))\b)"
    r"(?=.*\b(?:got|received|was sent|were sent|sent (?:her|him)|demand\w*|asked (?:her|him) for|threaten\w*|sai|saatis|nõua\w*|ähvard\w*|"
    r"получил\w*|прислал\w*|требу\w*|угрожа\w*)\b))"
    # and in neither case a story, a scene or explicit detail
    rf"(?!.*\b(?:{_SEX_WRITING})\b))"
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
    ("other_crime", rf"\b{_ASK}\b.{{0,40}}\b(?:steal|stealing|shoplift\w*|pickpocket\w*|rob|robbing|burgle|burglari[sz]e|break into|breaking into|loot|looting)\b"),
    ("violence", r"\bthrow\w*\b.{0,30}\b(?:rocks?|bricks?|stones?|bottles?|eggs?)\b.{0,30}\b(?:off|from|at|onto)\b.{0,20}\b(?:overpass\w*|bridges?|cars?|traffic|people|windows?|buses|trains?)\b|"
     r"\bwhy (?:was|were|is|are)\b.{0,40}\b(?:right|justified|correct|a hero|heroes) (?:to|for|in) (?:kill\w*|murder\w*|shoot\w*|attack\w*|bomb\w*|massacr\w*)\b|"
     r"\bmake (?:a|the|my|his|her|their|someone's|this|that) (?:\w+ )?(?:place|house|room|car|building|flat|apartment|school|office) (?:explode|blow up)\b"),
    ("violence", r"\b(?:put|add|slip|mix|pour|sneak|sprinkle|crush|dissolve|drop|spike)\b.{0,30}\b(?:in|into|to)\b (?:(?:my|the|our|a) )?(?:\w+'?s |his |her |their |someone's |somebody's )(?:\w+ )?(?:coffee|drink|tea|food|water|lunch|soup|meal|juice|beer|wine|grinds|bottle)\b"
     r".{0,40}\b(?:sick|ill|terrible|awful|disgusting|sleepy|drowsy|sleeps?|sleep through|knock\w* (?:him|her|them) out|won't wake|diarrh\w*|vomit\w*|throw up|pass out|unconscious|suffer|hurt)\b"),
    ("hate_harassment", r"\b(?:eat shit|fuck (?:you|off)|die in a fire|go die|drop dead)\b|\b(?:terms|words|names|synonyms|insults?) (?:\w+ ){0,4}(?:than|for|like|instead of) (?:slut|whore|n.?word|retard|fag\w*|bitch)\b"),
    ("illegal_drugs", r"\b(?:gram|grams|ounce|eighth|bag|baggie) of (?:coke|weed|meth|molly|crack|smack|h)\b|\b(?:street )?drugs?\b.{0,40}\b(?:most profit\w*|most money|profitable|to sell|sell best)\b"),
    ("privacy", r"\b(?:locate|find|get|need|want|looking for|trying to (?:locate|find)|give me|tell me)\b.{0,30}\b(?:residential|home|private|personal) (?:address|phone number|cell number|e-?mail)\b"
     r"|\bhow much (?:money )?(?:does|did) my (?:\w+ ){0,2}(?:boss|teacher|neighbou?r|coworker|colleague|friend|classmate|sister|brother|dad|mom|father|mother|manager) (?:earn|make|get paid)\b"),
    ("other_crime", r"\b(?:set|setting|sets) (?:a|an|the|my|our|his|her|their|someone's) (?:\w+ ){0,2}(?:hospital|school|house|home|car|building|shed|church|mosque|synagogue|shop|store|barn|forest|flat|apartment|gym|gymnasium|library|classroom|stadium|warehouse|office) (?:on fire|alight|ablaze)\b|\b(?:burn down|burn|torch) (?:a|an|the|my|our|his|her|their|someone's|the neighbou?r's) (?:\w+ ){0,2}(?:hospital|school|house|home|building|shed|church|shop|store|barn)\b(?! (?:calories|fat))"),
    ("other_crime", r"\b(?:(?:põlema|põlema panna|süüdata)\b.{0,30}\b(?:kool\w*|maja\w*|kuur\w*|auto\w*|haigla\w*)|(?:kool\w*|maja\w*|kuur\w*|haigla\w*) (?:põlema panna|süüdata))|\bподжечь\b.{0,30}\b(?:школ\w*|дом\w*|сара\w*|машин\w*|больниц\w*)"),
    ("weapons", r"\b(?:make|build|assemble|construct|create|3d.?print|craft|mix)\b.{0,30}\b(?:pipe bomb|bomb|explosives?|ied|grenade|molotov|napalm|silencer|suppressor|ghost gun|untraceable gun|zip gun|detonator)\b(?!.{0,30}\b(?:minecraft|game|fortnite|roblox|bath)\b)"),
    ("weapons", r"\bconvert\b.{0,30}\b(?:full(?:y)?.?auto|automatic)\b|\bbuy (?:a )?(?:gun|pistol|rifle) (?:illegally|without)\b"),
    ("weapons", r"\b(?:torupomm\w*|pommi teha|lõhkekeha\w*|lõhkeaine(?:t|id)? (?:teha|valmistada)|molotovi)\b|\b(?:сделать|изготовить|собрать) (?:\w+ )?(?:бомбу|взрывчатку|взрывное устройство|коктейль молотова)"),
    ("cbrn_weapons", r"\b(?:make|synthesi[sz]e|produce|culture|weaponi[sz]e|grow|extract|enrich|obtain|release|spread|aerosoli[sz]e|build)\b.{0,40}\b(?:sarin|vx|novichok|tabun|soman|nerve (?:agent|gas)|mustard gas|chlorine gas|ricin|anthrax|botulinum|smallpox|dirty bomb|bioweapon|chemical weapon|biological weapon|nuclear (?:bomb|weapon)|weapons.grade)\b"),
    ("cbrn_weapons", r"\b(?:sünteesida|valmistada|teha)\b.{0,20}\b(?:sariin|ritsiin|närvigaas|siberi katk)|\b(?:синтезировать|получить|сделать|изготовить)\b.{0,20}\b(?:зарин|рицин|зоман|новичок|нервно-паралитическ|сибирск|грязную бомбу)"),
    ("terrorism", r"\b(?:plan|carry out|commit|organi[sz]e|engage in|join|fund|finance|recruit for)\b.{0,30}\b(?:terror\w*|jihad\w*|isis|al.?qaeda|mass shooting|school shooting|suicide bomb\w*|bombing)\b"),
    ("terrorism", r"\b(?:hijack|derail)\b.{0,15}\b(?:plane|aircraft|train|bus)\b|\b(?:korralda\w*|teha|teen|planeeri\w*|toime panna|ette valmistada)\b.{0,25}\bterrorirünnak\w*|"
     r"\bterrorirünnak\w*\b.{0,25}\b(?:korraldada|teha|planeerida|toime panna)\b|\b(?:устроить|совершить|организовать|подготовить|спланировать|провести)\b.{0,25}\bтеракт\w*|\bугнать самол"),
    ("illegal_drugs", r"\b(?:hide|smuggle|sell|deal|stash|transport|sneak)\b.{0,25}\b(?:drugs|narcotics)\b|\b(?:buy|get|score|grow|smoke|sell)\b.{0,25}\b(?:weed|marijuana|cannabis|shrooms|magic mushrooms|xanax)\b(?! (?:killer|control|my|the|out)\b)(?!.{0,30}\b(?:garden|lawn|yard|flower ?beds?|patch|allotment)\b)"),
    ("illegal_drugs", r"\b(?:make|cook|synthesi[sz]e|produce|brew|buy|get|smuggle|sell|hide|grow)\b.{0,25}\b(?:meth|methamphetamine|crystal meth|crack|cocaine|heroin|fentanyl|lsd|mdma|ecstasy|mephedrone|ketamine)\b"),
    ("illegal_drugs", r"\b(?:metamfetamiin|amfetamiin|kokaiin|heroiin|fentanüül)\w* (?:teha|valmistada|osta|keeta)|\b(?:сварить|сделать|купить|достать) (?:\w+ )?(?:мефедрон|метамфетамин|кокаин|героин|фентанил|закладк)"),
    ("cybercrime_fraud", r"\b(?:hack|break) into\b.{0,30}\b(?:account|e-?mail|computer|server|system|network|phone|instagram|facebook|database|school|bank|wifi)\b|\b(?:write|create|code|make)\b.{0,15}\b(?:ransomware|keylogger|malware|trojan|phishing (?:e-?mail|page|site|message))\b"),
    ("cybercrime_fraud", r"\b(?:plant|install|put|inject|spread|send|hide)\b.{0,20}\b(?:trojan|virus|malware|keylogger|ransomware|spyware|backdoor|rootkit)\b.{0,40}\b(?:someone|somebody|another|other|my \w+|his|her|their|school|teacher)"),
    ("cybercrime_fraud", r"\b(?:steal|phish)\b.{0,20}\b(?:passwords?|credit cards?|identit(?:y|ies)|bank (?:details|accounts?))\b|\b(?:ddos|dos attack)\b|\bstolen credit card\b|\bfake (?:id|passport|diploma|doctor'?s note|sick note)\b"),
    ("cybercrime_fraud", r"\b(?:häkkida|häkkima|murda sisse)\b.{0,30}\b(?:kont|e-?kool|stuudium|serverisse|arvutisse|süsteemi)|\b(?:взломать|взлом)\b.{0,30}\b(?:аккаунт|почт|страниц|электронный дневник|сервер|сеть|школ)"),
    ("privacy", rf"\bmy (?:\w+ ){{0,2}}\w+'s (?:(?:private|personal|home|secret|current|mobile|cell|cellphone|work|internet|online|exact|real|full|medical|mental health|bank|school) )*{_PRIVATE}"),
    ("privacy", r"\b(?:grades|marks|test results|salary|income|medications?|diagnosis|home address|phone numbers?)\b.{0,15}\b(?:of|for) (?:the )?(?:other|another|all the other|my) (?:students|pupils|classmates?|kids|coworkers|colleagues|neighbou?rs)\b|\b(?:teiste|klassikaaslas\w*|klassivenna|naabri) (?:õpilaste )?(?:hinded|hindeid|palk|palka|ravim\w*|diagnoos\w*|kodu\w*aadress\w*|telefoninumb\w*)|\b(?:оценки|зарплат\w*|лекарств\w*|диагноз\w*|домашний адрес|номер телефона)\b.{0,20}\b(?:других учеников|одноклассни\w*|моего соседа|соседа)"),
    ("privacy", r"\b(?:is|was|are) my (?:\w+ ){0,2}(?:teacher|classmate|neighbou?r|employee|coworker|boss|friend|babysitter|therapist|doctor|tenant)s? (?:gay|lesbian|trans|pregnant|sick|ill|hiv|a member of|in a union|religious|muslim|jewish|christian|an immigrant|illegal)"),
    ("exclusion", rf"\bwhy (?:should|must|shouldn't|should not|can't|cannot|can not|are|is it (?:best|better|right) (?:for|that))\b.{{0,50}}\b{_EXCLUDE}"),
    ("exclusion", rf"\b(?:reasons?|arguments?) (?:why|for|that)\b.{{0,50}}\b{_EXCLUDE}"),
    ("exclusion", r"\bmiks (?:peaks|tuleks|ei tohiks|ei tohi|ei peaks)\b.{0,40}\b(?:keela\w*|välja saat\w*|ilma jät\w*|hääletada|õppida|töötada|elada|abielluda|kandideerida)\b"),
    ("exclusion", r"\bпочему\b.{0,40}\b(?:нельзя|запретить|запрещать|не должны|не имеют права|лишить|выслать)\b.{0,30}\b(?:голосовать|учиться|работать|жить|жениться|выходить замуж|баллотироваться|гражданств\w*|прав\w*)"),
    ("privacy", r"\b(?:spyware|stalkerware|spy app|tracking app|jälgimisrakendus\w*|jälgimisäpp\w*|nuhkvara|шпионск\w* (?:приложени\w*|программ\w*)|программу.слежк\w*)\b"),
    ("privacy", r"\b(?:mu|minu) (?:\w+ ){0,2}(?:parool\w*|kodu\w*aadress\w*|aadress\w*|telefoninumb\w*|pin-kood\w*|e-posti aadress\w*|asukoh\w*|isikukood\w*)|\b(?:пароль|адрес|номер телефона|пин-код|личный код|местоположение)\b.{0,25}\b(?:мо(?:ей|его|их|я|й))\b"),
    ("manipulation", r"\b(?:write|create|make|generate|kirjuta|koosta|tee|напиши|сочини|сделай|придумай)\b.{0,40}\b(?:posts?|postitus\w*|пост\w*|articles?|artikli?\w*|стать\w*|news|uudis\w*|новост\w*|tweets?|messages?|sõnum\w*|сообщени\w*)\b.{0,80}\b(?:rigged|stolen election|falsified|fake votes|võlts\w*|подделан\w*|сфальсифициров\w*|фальсифи\w*|украден\w*)"),
    ("persecution", r"\b(?:right to|benefits? of|good (?:thing|side)|justif(?:y|ied|ication)|replicate|re-?create|re-?enact|restore|bring back|revive|use .{0,30}methods|overstate|exaggerat\w+|hoax|never happened|didn't (?:really )?happen|glorif\w+|praise)\b.{0,60}\b(?:hitler|nazi\w*|holocaust|genocide|ethnic cleansing|khmer rouge|pinochet|stalin\w*|apartheid|jim crow|slavery|gulag|deportation\w*|massacre|concentration camps?|world war (?:2|ii|two)|what happened to them)\b"),
    ("persecution", r"\bwhy (?:was|were|is|are)\b.{0,60}\b(?:massacre|genocide|holocaust|deportations?|ethnic cleansing|shooting|bombing|attack|killings?|lynching|pogrom)\b.{0,40}\b(?:justified|right|good|a good thing|necessary|deserved)\b|\b(?:miks|mille poolest) (?:oli|olid|on)\b.{0,40}\b(?:küüditami\w*|genotsiid\w*|holokaust\w*|veresaun\w*|tulistami\w*|rünnak\w*)\b.{0,30}\b(?:õigustatud|hea asi|vajalik|õige)|\bпочему\b.{0,40}\b(?:депортаци\w*|геноцид\w*|холокост\w*|резн\w*|расстрел\w*|теракт\w*|стрельб\w*)\b.{0,30}\b(?:оправдан\w*|правильн\w*|хорош\w*|(?:был[аио]? )нужн\w*)"),
    ("persecution", r"\b(?:holocaust|holokaust\w*|холокост\w*|genocide|genotsiid\w*|геноцид\w*|gulag|küüditami\w*|депортаци\w*)\b.{0,40}"
     r"\b(?:(?:was|is) (?:a )?(?:hoax|fake|made up|a lie|exaggerated)|never happened|didn't happen|oli (?:välja mõeldud|vale|liialdus|bluff)|"
     r"ei juhtunud|(?:был\w* )?(?:выдумк\w*|мистификаци\w*|преувеличен\w*)|не было)"),
    ("persecution", r"\b(?:hitler|stalin|pinochet|pol pot|mao|franco|mussolini|khmer rouge|nazis?|taliban|gestapo|kgb|nkvd)(?:'s)? (?:methods|tactics|approach|playbook|way|style)\b"
     r".{0,50}\b(?:today|now|nowadays|these days|in our|against|on (?:my|our|the)|for dealing|to deal|deal with|with (?:political )?(?:opponents|critics|dissidents|protesters|journalists))\b"
     r"|\b(?:how|ways?|help me)\b.{0,20}\btreat (?:women|girls|jews|muslims|immigrants|gays|minorities|my wife|black people|workers)\b.{0,20}\blike (?:under|in|during|the)\b|"
     r"\b(?:hitler|stalin|pinochet|pol pot|khmer rouge|nazis?)\b.{0,30}\b(?:was|were) (?:right|correct|justified)\b|\bhow (?:do|did|can) .{0,20}\b(?:jews|jewish people|armenians|ukrainians|estonians)\b.{0,20}\b(?:overstate|exaggerate|lie about|make up)\b"),
    ("privacy", r"\b(?:find|get|give me|look up|tell me)\b.{0,20}\b(?:home address|phone number|password|location)\b.{0,20}\b(?:of )?(?:my|this|that) (?:\w+ ){0,2}(?:classmate|teacher|neighbou?r|ex|girlfriend|boyfriend|crush|coworker|streamer|girl|boy|person)\b"),
    ("privacy", r"\b(?:track|spy on|stalk|monitor|read)\b.{0,20}\b(?:my|his|her) (?:\w+ )?(?:ex|girlfriend|boyfriend|wife|husband|classmate|partner|crush)(?:'s)?\b.{0,30}\b(?:without|secretly|messages|phone|location|knowing)\b|\bdox+(?:ing)?\b"),
    ("privacy", r"\b(?:salaja|märkamatult)\b.{0,30}\b(?:sõnum|jälgi|telefon)|\b(?:тайно|незаметно)\b.{0,30}\b(?:читать|следить|отслежива)"),
)

def _either_order(verbs: str, objects: str, gap: int = 40) -> str:
    """Verb then object or object then verb (Estonian and Russian word order is free)."""
    return rf"\b(?:{verbs})\b.{{0,{gap}}}\b(?:{objects})\b|\b(?:{objects})\b.{{0,{gap}}}\b(?:{verbs})\b"


# Estonian and Russian intent patterns in both word orders. Verbs are infinitive, imperative or first
# person ("tappa", "tapan", "убить", "убью"), never past or passive ("tapeti", "убили"), so that history
# and reports of what happened to someone stay with the classifier.
_ET_HARM_V = (
    r"tappa|tapan|tapma|mõrvata|mõrvan|mürgitada|mürgitan|pussitada|pussitan|peksta|peksan|läbi peksta|piinata|"
    r"piinan|röövida|röövin|lüüa|löön|kägistada|kägistan|uputada|uputan|vigastada|vigastan|haiget teha|rünnata|ründan"
)
_ET_VICTIM = (
    r"naaber|naabr\w*|klassi\w*|õpetaja\w*|ema|emme|isa|issi|venda|venna\w*|õde|õe|sõpra|sõbra\w*|inimes\w*|last|"
    r"lapse\w*|kedagi|teda|neid|kassi|koera|looma\w*|kasuisa\w*|kasuema\w*|tüdruk\w*|poissi|poisi\w*|beebi\w*|"
    r"vanaema\w*|vanaisa\w*|õpilas\w*|politseinik\w*"
)
_RU_HARM_V = (
    r"убить|убью|отравить|отравлю|избить|изобью|зарезать|зарежу|задушить|задушу|похитить|похищу|замучить|"
    r"покалечить|искалечить|мучить|пытать|ударить|ударю|побить|бить|утопить|сбросить с лестницы|столкнуть с лестницы"
)
_RU_VICTIM = (
    r"соседа|соседку|учител\w*|одноклассни\w*|человека|людей|ребёнка|ребенка|отчима|мачеху|маму|папу|брата|"
    r"сестру|кошку|кота|собаку|животн\w*|кого-нибудь|кого-то|девочку|мальчика|младшего|младшую|друга|подругу|ученика|ученицу|бабушку|дедушку"
)
_HARD += (
    ("violence", _either_order(_ET_HARM_V, _ET_VICTIM)),
    ("violence", _either_order(_RU_HARM_V, _RU_VICTIM)),
    ("weapons", _either_order(
        r"valmistada|valmistan|teha|teen|ehitada|ehitan|meisterdada|kokku panna|osta|hankida",
        r"pommi\w*|torupomm\w*|relva\w*|relv|lõhkeaine\w*|lõhkekeha\w*|püssi\w*|püstol\w*|tulirelva\w*|granaat\w*|molotovi\w*", 30)),
    ("weapons", _either_order(
        r"сделать|сделаю|изготовить|собрать|смастерить|купить|достать",
        r"бомб\w*|взрывчатк\w*|взрывн\w* устройств\w*|оружи\w*|пистолет\w*|обрез\w*|гранат\w*", 30)),
    ("cbrn_weapons", _either_order(
        r"sünteesida|valmistada|teha|toota|levitada|hankida|kasvatada",
        r"sariin\w*|ritsiin\w*|närvigaas\w*|närvimürk\w*|siberi katk\w*|keemiarelv\w*|bioloogilis\w* relv\w*|räpas\w* pomm\w*", 30)),
    ("cbrn_weapons", _either_order(
        r"синтезировать|получить|сделать|изготовить|распылить|распространить|вырастить",
        r"зарин\w*|рицин\w*|зоман\w*|новичок\w*|нервно-паралитическ\w*|сибирск\w* язв\w*|химическ\w* оружи\w*|"
        r"биологическ\w* оружи\w*|грязн\w* бомб\w*", 30)),
    ("illegal_drugs", _either_order(
        r"teha|valmistada|osta|ostan|müüa|kasvatada|keeta|peita|smugeldada|saada|tarvitada",
        r"kanep\w*|kokaiin\w*|heroiin\w*|amfetamiin\w*|metamfetamiin\w*|ekstaas\w*|ecstasy|mdma|fentanüül\w*|"
        r"narkoots\w*|mefedroon\w*", 30)),
    ("illegal_drugs", _either_order(
        r"вырастить|купить|куплю|достать|сделать|сварить|продать|спрятать|принять|употребить|сколько",
        r"конопл\w*|травк\w*|траву|марихуан\w*|кокаин\w*|героин\w*|амфетамин\w*|мефедрон\w*|экстази|мдма|"
        r"фентанил\w*|наркотик\w*|закладк\w*", 30)),
    ("cybercrime_fraud", _either_order(
        r"kirjuta|kirjutada|tee|teha|loo|luua|programmeeri|programmeerida",
        r"lunavara|pahavara|klahvilogija|klahvilogijat|troojalane|troojalast|viirust|õngitsuslehte|õngitsuskirja|õngitsusmeili", 30)),
    ("cybercrime_fraud", _either_order(
        r"написать|напиши|создать|создай|сделать|сделай",
        r"вирус-вымогател\w*|вымогател\w* программ\w*|вредоносн\w* программ\w*|кейлоггер\w*|троян(?:а)?\b|"
        r"фишингов\w* (?:письм\w*|сайт\w*|страниц\w*)", 30)),
    ("other_crime", r"\b(?:põgeneda|pageda|peita end) politsei eest\b|\bpolitsei eest (?:põgeneda|pageda)\b|"
     r"\b(?:сбежать|скрыться|уйти|убежать) от полиции\b"
     r"|" + _either_order(r"varastada|varastan|näppida|pihta panna|ära viia",
                          r"poest|poes|auto\w*|ratta\w*|jalgratta\w*|telefon\w*|raha\w*|rahakotti", 30)
     + r"|" + _either_order(r"украсть|украду|своровать|стащить|угнать",
                            r"из магазина|телефон\w*|машину|велосипед\w*|деньги|кошел[её]к", 30)),
    # A medicine or poison "so that he/she dies / does not wake up": harm to another person.
    ("violence", r"^(?=.*(?:tablet\w*|unerohu?\w*|rohtu|ravim\w*|mürk\w*|mürgi\w*|annus\w*|таблет\w*|снотворн\w*|лекарств\w*|яд\w*|доз\w*|"
     r"pills?|insulin|sleeping|poison\w*|dose\w*)).*(?:\bet (?:ta|tema|nad|(?!ma\b|mina\b)\w+) (?:ära )?(?:sureks|suremaks|enam ei ärkaks|üles ei ärkaks)\b|"
     r"\bчтобы (?:он|она|они|(?!я\b|мне\b|самому\b)\w+) (?:не проснул\w*|умер\w*|сдох\w*)\b|\bso (?:that )?(?:he|she|they) (?:dies|die|won't wake up|never wakes up)\b)"),
    # Sexual content involving a minor: no fiction, lesson or history frame neutralises it.
    # (A consent, puberty or safety lesson is exempt unless it asks for a story, a scene or explicit detail.)
    ("sexual_content", _SEX_LESSON_EXEMPT +
     r".*\b(?:erotic\w*|sexy|sexual|sex|porn\w*|nude|naked|explicit|lewd|love scenes?|intimate|make out|making out|hook(?:ing)? up|sleep(?:ing)? together|first night|spicy|steamy|smut\w*|"
     r"erootili\w*|seksika\w*|seksuaal\w*|seksi|porno\w*|alasti|"
     r"эротическ\w*|сексуальн\w*|секс\w*|порн\w*|обнаж[её]нн\w*|голы[йем]\w*|откровенн\w*|интимн\w*)\b.{0,50}"
     r"(?:\b(?:schoolgirl|schoolboy|child|children|kid|minor|underage|pre-?teen|little (?:girl|boy)|(?:[1-9]|1[0-7])[- ](?:year|yr)s?[- ]olds?|"
     r"koolitüdruk\w*|koolipoisi?\w*|lapse\w*|laps|alaealis\w*|(?:[1-9]|1[0-7])[- ]aasta\w+|"
     r"школьниц\w*|школьник\w*|реб[её]н\w*|дет\w*|несовершеннолетн\w*|малолетн\w*|девочк\w*|мальчик\w*|(?:[1-9]|1[0-7])-?летн\w*)\b|\b(?:[1-9]|1[0-7]) (?:лет|года?)\b)"),
    ("sexual_content", r"\b(?:describe|depict|write about|draw|show me|imagine)\b.{0,25}\b(?:naked|nude|undressed|topless)\b(?!.{0,30}\b(?:eye|mole.?rats?|statue|sculpture|painting|david|venus|art|truth|singularity|wire)\b)"),
    ("minor_safety", r"\b(?:try|do|doing|trying|join|film|attempt|how (?:do|to|can))\b.{0,40}\b(?:blackout|choking|pass.?out|tide ?pod|skull.?breaker|benadryl|fire|salt and ice|cinnamon|dangerous|viral|tiktok) challenge\b|"
     r"\b(?:blackout|choking|pass.?out|tide ?pod|skull.?breaker|benadryl|fire|salt and ice|cinnamon|dangerous|viral|tiktok) challenge\b.{0,40}\b(?:i can try|to try|i could try|to do|can i do|should i do|i could do)\b"),
    ("manipulation", _either_order(r"make (?:it|them|this|that)(?: sound| look)?|so (?:that )?it (?:sounds?|looks?)) (?:\w+ )?(?:convincing|persuasive|believable|credible|legit",
                                   r"flat|hoax|hiding it|cover.?up|faked|never happened|conspiracy|rigged|chemtrails|5g|vaccines? (?:cause|causes)|stolen election", 80)),
    # Revenge on a person, making someone's life hell, getting someone fired.
    ("hate_harassment", r"\b(?:get back at|get revenge on|take revenge on|revenge on|payback on|make (?:\w+ ){0,2}pay for)\b.{0,30}\b(?:my|his|her|the|a|this|that|our|him|them|someone|somebody)\b"
     r"|\bmake (?:my |his |her |their |the |a |this |that )?(?:\w+ ){0,2}(?:\w+'s |his |her |their )life (?:a )?(?:living )?(?:hell|miserable|a nightmare|unbearable)\b"
     r"|\b(?:get|make) (?:my |the |a |this |that )?(?:\w+ ){0,2}(?:teacher|classmate|boss|coworker|colleague|neighbou?r|coach|him|her|them) (?:fired|expelled|to quit|to leave|lose (?:his|her|their) job)\b"
     r"|\b(?:want|wish|need) (?:him|her|them|my \w+) to lose (?:his|her|their) job\b"
     r"|" + _either_order(r"kätte maksta|kättemaks\w*", r"õpetaja\w*|klassi\w*|naabri\w*|sõbra\w*|ema\w*|isa\w*|venna\w*|õe\w*|talle|temale|neile", 30) + r"|\bотомстить\b.{0,30}\b(?:учител\w*|училк\w*|одноклассни\w*|сосед\w*|друг\w*|подруг\w*|ему|ей|им|бывш\w*)"),
    # Making a named person feel worthless, cry, afraid or alone, or drive them out (et/ru/en).
    ("hate_harassment", r"\b(?:make|get|force|pressure|push|drive)\b (?:my |the |a |this |that |our |his |her |some )?(?:\w+ ){0,2}"
     r"(?:teacher|classmate|sister|brother|friend|neighbou?r|ex|girlfriend|boyfriend|mom|mum|dad|stepdad|stepmom|coach|boss|kid|girl|boy|"
     r"new (?:girl|boy|kid|student)|student|pupil|him|her|them|everyone)s?\b (?:(?!stop\b|not\b|less\b|never\b|feel better\b)\w+ ){0,3}?"
     r"(?:feel (?:worthless|stupid|ugly|fat|alone|useless|unwanted|guilty|scared|small|like (?:nothing|trash|garbage|a loser))|cry|"
     r"quit|hate (?:herself|himself|themselves)|be scared|be afraid|be alone|suffer|disappear|kill (?:herself|himself|themselves)|"
     r"miserable|leave (?:the|our) (?:school|class|team))\b"
     r"|\b(?:kuidas|tahan|tahaksin|aita)\b.{0,40}\b(?:et|panna)\b.{0,30}\b(?:õpetaja\w*|klassi\w*|õde|venda|sõbra\w*|tüdruk\w*|poiss\w*|uus\w*|teda|neid)\b"
     r".{0,30}\b(?:nutma|nutaks|kartma|kardaks|tunneks end (?:\w+ )?(?:kole\w*|rumal\w*|väärtusetu\w*|üksi|halvasti)|väärtusetu\w*|lahkuks|lahkuma)\b"
     r"|\b(?:как|хочу)\b.{0,30}\b(?:сделать|заставить|довести)\b.{0,30}\b(?:чтобы )?(?:училк\w*|учител\w*|одноклассни\w*|сестр\w*|брат\w*|новеньк\w*|е[её]|его|их)\b"
     r".{0,30}\b(?:плакал\w*|до слёз|до слез|боял\w*|чувствовал\w* себя (?:\w+ )?(?:ничтожеств\w*|урод\w*|никем|одинок\w*)|ушл\w*|ушёл|уволил\w*)"),
    # Impersonation scams.
    ("cybercrime_fraud", r"\b(?:pretend(?:ing)?|posing|pose|impersonat\w*) (?:to be |as )?(?:their|a|an|his|her|the|someone's|somebody's|my)\b.{0,60}\b(?:money|bail|bank|password|pin|gift cards?|pay|transfer|card details|login)\b"),
    # Cheating at school: plagiarism that evades detection, copying in a test.
    ("cybercrime_fraud", r"\b(?:how|best way|easiest way|help me|ways?|tips?)\b.{0,30}\b(?:plagiari[sz]e|cheat (?:on|in|at|during) (?:a |an |the |my |this )?(?:\w+ )?(?:test|exam|quiz|homework|essay|assignment)|"
     r"copy (?:someone's|somebody's|a classmate's|my friend's|another student's) (?:homework|essay|answers|work))\b"
     r"|" + _either_order(r"spikerda\w*|maha kirjutada|mahakirjutami\w*|ära (?:kirjutada|spikerdada)", r"kontrolltöö\w*|eksam\w*|test\w*|tunnitöö\w*|naabri\w*", 40) + r"|"
     r"\bсписать\b.{0,30}\b(?:на|с) (?:\w+ )?(?:контрольн\w*|экзамен\w*|тест\w*|егэ|огэ|зач[её]т\w*|телефон\w*)|\bшпаргалк\w*.{0,30}\bчтобы\b"),
    # Election disinformation: polling stations closed, the vote moved or cancelled.
    ("manipulation", _either_order(
        r"tweet\w*|posts?|message|rumou?r|announcement|flyer|leaflet|sõnum\w*|postitus\w*|säuts\w*|teadaanne\w*|kuulujut\w*|пост\w*|сообщени\w*|твит\w*|объявлени\w*|слух\w*",
        r"polling (?:stations?|places?)|election day|voting (?:is|has been|will be)|votes? (?:is|will be) (?:moved|postponed|cancell?ed)|(?:valimis|hääletus)\w*|jaoskon\w*|избирательн\w* участ\w*|выбор\w* (?:перенес|отмен)\w*|голосовани\w* (?:перенес|отмен)\w*", 60)
     + r"(?=.{0,80}\b(?:closed|cancell?ed|postponed|moved|bomb threat|suletud|suletakse|tühistatud|tühistati|edasi lükatud|pommiähvardus\w*|закрыт\w*|отмен\w*|перенес\w*|минирован\w*|угроз\w* взрыва)\b)"),
    # Hurting an animal named in the message ("the neighbours' cat… how do I hurt it").
    ("violence", r"^(?=.*\b(?:cats?|dogs?|kittens?|pupp(?:y|ies)|birds?|squirrels?|pigeons?|horses?|hamsters?|rabbits?|pets?|animals?|kass\w*|koer\w*|looma\w*|кошк\w*|кот\w*|собак\w*|животн\w*)\b)"
     r".*\b(?:how|way|want|help me|kuidas|как)\b.{0,30}\b(?:hurt|kill|poison|kick|beat|torture|drown|shoot|punish|injure|harm|haiget teha|tappa|mürgitada|peksta|piinata|"
     r"сделать больно|убить|отравить|избить|мучить|наказать)\b (?:it|them|the (?:\w+ )?(?:cat|dog|bird|animal|kitten|puppy)s?|that (?:\w+ )?(?:cat|dog|bird|animal)|seda|neid|его|её|ее|их)\b"),
    # Round 4 (blind4 misses, general forms): group conspiracies, denial essays, deepfake nudes, animal cruelty,
    # weapons into school, school-system fraud, shoplifting past the alarm, bank impersonation.
    ("hate_harassment", r"\b(?:jews?|jewish people|muslims?|immigrants?|freemasons|juudi\w*|moslemi\w*|евре\w*|мусульман\w*)\b.{0,30}\b(?:secretly |salaja |тайно )?"
     r"(?:control\w*|run|runs|own|owns|rule|rules|kontrolli\w*|valitse\w*|контролир\w*|правят|управля\w*)\b.{0,15}\b(?:all |the |kõiki |все )?(?:banks?|media|world|government|money|hollywood|pank\w*|meedia\w*|maailma\w*|банк\w*|СМИ|мир\w*|деньг\w*)"),
    ("persecution", r"^(?=.*\b(?:holocaust|holokaust\w*|холокост\w*|genocide|genotsiid\w*|геноцид\w*|küüditami\w*|депортаци\w*|massacre\w*|резн\w*|бойн\w*|veresaun\w*|bucha|буч\w*|srebrenica|сребрениц\w*|katyn|катын\w*))"
     r"(?=.*\b(?:write|prove|proving|argue|convince|essay|article|post|kirjuta|tõesta\w*|essee|artikkel|напиши|докажи|доказ\w*|эссе|стать\w*))"
     r".*\b(?:never happened|didn't (?:really )?happen|did not happen|made up|was fake|a hoax|voluntary (?:resettlement|relocation|move)|nobody (?:really )?suffered|(?:was|were) (?:invented|fabricated|inflated|exaggerated)|"
     r"ei toimunud|ei juhtunud|väljamõeldis\w*|välja mõeldud|vabatahtlik\w* (?:ümberasum\w*|kolimi\w*)|keegi (?:eriti )?ei kannatanud|"
     r"не было|выдумк\w*|выдуман\w*|фальшивк\w*|добровольн\w* переселени\w*|никто (?:особо |сильно )?не пострадал|постановк\w*|инсценировк\w*|staged|a set-?up|lavastatud|lavastus\w*)"),
    ("privacy", _either_order(r"nude|naked|undress\w*|alasti|paljas\w*|голы\w*|обнаж[её]нн\w*|раздеть|раздева\w*",
                              r"classmates?|(?:her|his|their) (?:instagram|photo|picture|selfie)|my ex|my crush|(?:my|the|a) teacher|klassiõe\w*|klassivenna\w*|klassikaaslas\w*|одноклассни\w*|учительниц\w*", 50)
     + r"(?=.*\b(?:make|create|generate|app|ai|tool|edit|photoshop|tee|teha|loo|rakendus\w*|сделать|создать|приложени\w*|нейросет\w*)\b)"),
    ("violence", r"\b(?:tie|tying|attach|tape|strap)\w*\b.{0,30}\b(?:firecrackers?|fireworks?|explosives?|rockets?|cans?|petards?|paugutid\w*|петард\w*)\b.{0,30}\b(?:to|on|külge|к) (?:a |the |my )?(?:\w+ )?(?:pigeons?|cats?|dogs?|birds?|frogs?|animals?|squirrels?|rats?|tuvi\w*|kass\w*|koer\w*|голуб\w*|кошк\w*|собак\w*)"),
    ("weapons", r"\b(?:knife|knives|blade|gun|pistol|weapon|nuga|noa|relv\w*|нож\w*|пистолет\w*|оружи\w*)\b.{0,30}\b(?:bring|take|carry|sneak|võtta|tuua|kaasa|пронести|взять|принести)\b.{0,25}\b(?:to school|into school|to class|kooli|tundi|в школу|в класс)\b|"
     r"\b(?:make|bring|sneak|take|carry|hide)\b.{0,30}\b(?:blades?|knife|knives|shanks?|guns?|pistols?|weapons?|nuga|noa|relv\w*|нож\w*|пистолет\w*|оружи\w*)\b.{0,40}\b(?:school|class|classroom|lesson|kooli|klassi|tundi|в школу|в класс|на урок)\b"),
    ("cybercrime_fraud", r"\bchange (?:my |the |our |his |her )?(?:grades|marks)\b|\b(?:teacher'?s|teachers|someone'?s|another (?:student|pupil)'s) (?:login|password|account|credentials)\b.{0,40}\b(?:grades?|marks|log ?in|get into|change)|"
     r"\b(?:muuta|muudan|parandada)\b.{0,20}\bhindeid\b.{0,30}\b(?:ekool\w*|stuudium\w*)|\b(?:исправить|поменять|изменить)\b.{0,20}\bоценки\b.{0,30}\b(?:дневник\w*|ekool\w*)|"
     r"\b(?:от имени|под видом) [«\"']?(?:внук\w*|внучк\w*|сын\w*|дочер\w*|родственник\w*|полици\w*|следовател\w*)\b.{0,60}\bденьг\w*|"
     r"\b(?:lapselapse|poja|tütre|sugulase|politseiniku) nimel\b.{0,60}\braha\w*|\b(?:pretend\w*|posing) (?:to be |as )?(?:a |their |the )?(?:grandson|granddaughter|grandchild|nephew|niece)\b|"
     r"\b(?:on behalf of|in the name of|panga nimel|от имени)\b.{0,30}\b(?:bank|police|school|tax|pank\w*|politsei\w*|банка|полиции|налогов\w*)\w*\b.{0,60}\b(?:codes?|pin|password|smart-?id|mobiil-?id|card|koodid?\w*|parool\w*|код\w*|пароль|карт\w*)"),
    ("other_crime", r"\b(?:вынести|стащить|украсть|утащить)\b.{0,30}\bиз магазина\b|\bиз магазина\b.{0,30}\b(?:не заплатив|без оплаты|чтобы (?:\w+ ){0,2}не (?:запищ\w*|заметил\w*))|"
     r"\b(?:poest|poes)\b.{0,30}\b(?:maksmata|ilma maksmata|välja viia|varastada)\b"),
    # Grooming: getting a child to trust, send pictures, meet alone or keep a secret.
    ("sexual_content", r"^(?=.*(?:\b(?:[1-9]|1[0-5])[- ]?(?:year|yr)s?[- ]olds?\b|\b(?:[1-9]|1[0-5])[- ]?(?:aasta\w+|летн\w*)\b|\b(?:[1-9]|1[0-5]) (?:лет|года?)\b|\b(?:little|young) (?:girl|boy)\b|\b(?:child|kid|minor)\b|"
     r"\b(?:laps\w*|alaealis\w*|реб[её]н\w*|несовершеннолетн\w*|малолетн\w*)\b))"
     r"(?=.*\b(?:trusts? me|send(?:s)? me (?:\w+ )?(?:pictures|photos|pics|nudes|selfies)|meet (?:me |up )?alone|keep (?:it|this|us) (?:a )?secret|"
     r"usaldaks|saadaks (?:mulle )?(?:pilte|fotosid|pildi)|pilte saat\w*|pildi saat\w*|(?:vanematele|kellelegi) (?:mitte )?rääki\w*|ei räägiks|kohtuks (?:minuga )?üksi|доверил\w*|доверял\w*|ничего не (?:рассказывал\w*|говорил\w*)|встретиться|уговорить|(?:родители|никто|мама|папа) не узна\w*|"
     r"so (?:her|his|their) parents (?:don't|won't|do not|will not) (?:know|find out)|meet (?:up|in person|me)|kohtuda|vanemad ei saaks teada|прислал\w* (?:мне )?(?:фото|снимк\w*|картинк\w*)|встретил\w* (?:со мной )?наедине)\b)"),
    # Joining an armed or terrorist group.
    ("terrorism", r"\b(?:join|contact|reach|recruit\w*|get in touch with)\b.{0,60}\b(?:fighting for|fighters? (?:of|for)|armed group|militants?|jihad\w*|isis|isil|daesh|islamic state|taliban|al.?shabaab|boko haram|hamas|wagner)\b|"
     r"\b(?:присоединиться|вступить|связаться|вербовщик\w*)\b.{0,60}\b(?:игил|иг\b|даиш|исламск\w* государств\w*|боевик\w*|джихад\w*|талибан\w*|вагнер\w*)|"
     r"\b(?:liituda|ühineda|värbaja\w*)\b.{0,60}\b(?:islamiriik\w*|isis\w*|terrori\w*|võitleja\w*|džihaad\w*)"),
    # A privacy violation in Estonian: reading or watching someone's messages or snaps.
    ("privacy", r"\b(?:vaadata|lugeda|näha|jälgida|piiluda)\b.{0,30}\b(?:teise inimese|kellegi|tema|tüdruku|poisi|sõbra\w*|klassikaaslase\w*|eksi\w*) (?:\w+ )?(?:snäpp\w*|sõnum\w*|vestlus\w*|pilte|asukoh\w*|postkast\w*)"),
    # blind6 gaps: bottle bombs, a veiled threat, flooding the school network, forged notes, sedating a person.
    ("weapons", r"^(?=.*\b(?:what|which|how much|how many|mida|millised|kui palju|что|какие|сколько)\b).*\b(?:bottle|can|pipe|pudel\w*|purk\w*|бутылк\w*|банк\w*)\b.{0,80}"
     r"\b(?:goes off|go off|loud bang|bang|blow up|blows up|explode\w*|plahvata\w*|pauku\w*|kõmaki\w*|взорв\w*|бахн\w*|хлопн\w*|рван\w*)\b"),
    ("hate_harassment", r"\bi know where (?:she|he|they|you) lives?\b|\bnot (?:technically )?(?:a )?threat\b.{0,40}\bpolice\b|\b(?:tean|teame),? kus (?:sa|ta|te|nad) ela\w*|"
     r"\bзнаю,? где (?:ты|она|он|вы|они) жив\w*"),
    ("cybercrime_fraud", r"\b(?:flood|crash|overload|take down|knock out|jam|ddos|shut down)\b.{0,30}\b(?:the |our |school'?s? |a )?(?:school )?(?:wi-?fi|network|server|website|site|e-?kool|stuudium|moodle|system|exam system|test platform)\b|"
     r"\b(?:fake|forge\w*|make|create|write)\b.{0,30}\b(?:doctor'?s note|sick note|medical certificate|parent'?s signature|a signature)\b(?!.{0,20}\b(?:template for a class|lesson)\b)|"
     r"\b(?:arstitõend\w*|tõendi\w*|allkir\w*|templi\w*)\b.{0,80}\b(?:päris välja|ehtne|ehtsa\w*|võltsi\w*|järele teha)\b|\b(?:võltsi\w*)\b.{0,30}\b(?:arstitõend\w*|tõend\w*|allkir\w*)|"
     r"\b(?:подделать|подделк\w*|нарисовать)\b.{0,30}\b(?:справк\w*|подпис\w*|печат\w*)|\b(?:справк\w*|подпис\w*)\b.{0,40}\bкак настоящ\w*"),
    ("violence", r"\b(?:усыпить|вырубить|отключить)\b (?:\w+ )?(?:человека|кого-то|кого-нибудь|его|её|ее)\b|\bchloroform\w*|\bхлороформ\w*|\bkloroform\w*|"
     r"\b(?:knock|put)\w* (?:someone|somebody|a person|him|her) (?:out|to sleep)\b.{0,30}\b(?:rag|cloth|without|so (?:he|she)|chemical)\b|\buimasta\w* (?:kedagi|teda|inimest)\b"),
    # A dangerous challenge: asking how to do it, how long to hold, or to film it (either order).
    ("minor_safety", _either_order(r"blackout|choking|pass.?out|fainting|tide ?pod|skull.?breaker|benadryl|salt and ice|cinnamon|minestamis\w*|lämbumis\w*|удушени\w*|обморок\w*|задержк\w* дыхания",
                                   r"challenges?|challenge'?\w*|väljakutse\w*|челлендж\w*", 15)
     + r"(?=.*\b(?:how long|how do|how to|try|film|do it|hold|kui kaua|kuidas|teha|proovida|filmi\w*|как|сколько|попробовать|снять)\b)"),
    # blind7 gaps: a minor named before the sexual words, brute-forcing an account, medicine challenges,
    # sextortion, buying alcohol underage, writing a doctor's note.
    ("sexual_content", _SEX_LESSON_EXEMPT + r".*\b(?:(?:[1-9]|1[0-7])[- ](?:year|yr)s?[- ]olds?|(?:[1-9]|1[0-7])[- ]?aasta\w+|(?:[1-9]|1[0-7])[- ]?летн\w*|schoolgirl|schoolboy|underage)\b.{0,60}"
     r"\b(?:sexual|sex|erotic\w*|nude|naked|intimate|seksuaal\w*|seksi|erootili\w*|alasti|сексуальн\w*|секс\w*|эротическ\w*|голы\w*|интимн\w*)\b"),
    ("cybercrime_fraud", r"\b(?:brute.?forc\w*|tr(?:y|ies|ying) (?:\w+ ){0,3}passwords|password (?:cracker|cracking|spray\w*))\b"),
    ("minor_safety", r"\b(?:take|swallow|drink|eat)\w* as many (?:\w+ )?(?:benadryl|pills|tablets|painkillers|ibuprofen|paracetamol|energy drinks)\b|"
     r"\bchallenge\b.{0,60}\b(?:benadryl|pills|tablets|hold (?:your|their) breath|choke|blackout)\b"),
    ("sexual_content", r"^(?=.*\b(?:photos?|pics?|pictures?|nudes?|videos?|underwear|фото\w*|снимк\w*|видео|белье|бельё|pilt\w*|pildi\w*|foto\w*|video\w*|aluspesu\w*)\b)"
     r".*\b(?:or else|otherwise|or i'?ll|иначе|а то|muidu|vastasel juhul)\b.{0,40}\b(?:post|share|send|leak|publish|show|выложу|опубликую|разошлю|покажу|отправлю|"
     r"postitan|avaldan|saadan|näitan|panen üles)\b"),
    ("illegal_drugs", r"\b(?:buy|get|купить|достать|osta\w*|saada)\b.{0,25}\b(?:beer|vodka|alcohol|booze|wine|cigarettes|vapes?|пиво|водк\w*|алкогол\w*|сигарет\w*|вейп\w*|"
     r"õlu\w*|viina\w*|alkohol\w*|sigaret\w*|veip\w*|e-sigaret\w*)\b.{0,40}\b(?:at (?:1[0-7])|as a (?:1[0-7])|(?:1[0-7]) (?:лет|года?)|в (?:1[0-7])|(?:1[0-7]).aastase\w*|underage|"
     r"без (?:паспорта|документ\w*)|не спросили (?:документ|паспорт)\w*|without (?:id|being carded)|ilma (?:dokumendi\w*|passi\w*|id-?kaardi\w*))"),
    ("cybercrime_fraud", r"\b(?:kirjuta|tee|koosta)\b.{0,20}\barstitõend\w*|\barstitõend\w*\b.{0,60}\b(?:nimel|templi\w*|arsti nimi)\b|\b(?:write|make)\b.{0,20}\bdoctor'?s note\b.{0,60}\b(?:on behalf|stamp|signature|so i (?:don't|do not) have to)\b"),
    # Poisoning a person: a named victim, or a substance plus an amount per day.
    ("violence", r"\bpoison\w*\b.{0,30}\b(?:his|her|their|my|a|the)\b (?:\w+ )?(?:bully|teacher|brother|sister|classmate|dad|mom|mum|stepdad|stepmom|neighbou?r|friend|boss|wife|husband|rival)\b|"
     r"^(?=.*\bpoison\w*)(?=.*\b(?:which|what) (?:\w+ ){0,3}(?:substance|plant|chemical|poison|mushroom|berr(?:y|ies)|medicine|pill)s?\b)(?=.*\b(?:would work|per day|each day|a day|daily dose|how much)\b)"
     r"|\bmürgit\w*\b.{0,40}\b(?:kiusaja\w*|õpetaja\w*|venna\w*|õe\w*|klassi\w*|isa\w*|ema\w*|naabri\w*)|\bотрав\w*\b.{0,40}\b(?:обидчик\w*|учител\w*|брат\w*|сестр\w*|одноклассни\w*|отчим\w*|сосед\w*)"),
    # blind8 gaps: 3D-printed guns, account takeover, getting high, leaked exams, doxxing a player, anonymous threats.
    ("weapons", _either_order(r"3d.?print\w*|3d-?printeri\w*|3d-?принтер\w*", r"guns?|pistols?|firearms?|weapons?|relv\w*|püstol\w*|tulirelv\w*|пистолет\w*|оружи\w*|ствол\w*", 50)),
    ("cybercrime_fraud", r"\b(?:get into|access|log ?in(?:to)?|break into|hack)\b.{0,20}\b(?:someone'?s|somebody'?s|his|her|their|my (?:\w+ )?(?:ex|friend|classmate|teacher|sister|brother)'?s?)\b.{0,20}"
     r"\b(?:account|instagram|snapchat|tiktok|facebook|e-?mail|phone|ekool|stuudium|discord)\b|\btrick\w* (?:\w+ ){0,3}into (?:giving|sending|telling)\b.{0,30}\b(?:code|password|2fa|pin)\b|"
     r"\b(?:get|find|buy|see|saada|leida|osta|достать|найти|купить)\b.{0,30}\b(?:exam|test|eksami\w*|kontrolltöö\w*|экзамен\w*|егэ|огэ)\w* (?:questions|answers|küsimus\w*|vastus\w*|вопрос\w*|ответ\w*|задани\w*)\b"
     r".{0,40}\b(?:before|leak\w*|telegram|enne|слив\w*|заранее)|(?=.*\b(?:ekool|e-kool|дневник\w*|учител\w*|почт\w*))(?:" + _either_order(r"исправить|поменять|изменить|исправлю", r"оценк\w*", 20) + r")"),
    ("illegal_drugs", r"\b(?:get|gets|getting) (?:you |me |us )?high\b|\bpilve (?:jääda|saada|minna)\b|\bсловить (?:кайф|приход)\b|\bупороться\b|\bзакинуться\b"),
    ("privacy", r"\b(?:find|get|know|learn|figure out|leida|teada saada|узнать|найти|вычислить)\b.{0,25}\b(?:his|her|their|this (?:guy|girl|person|kid)'s|tema|его|её|ее)\b.{0,15}"
     r"\b(?:real name|address|home|school|phone number|where (?:he|she|they) lives?|päris nim\w*|aadress\w*|elukoh\w*|настоящ\w* им\w*|адрес\w*|где (?:он|она) жив[её]т)"),
    ("hate_harassment", r"\b(?:anonymously|anonüümselt|анонимно)\b.{0,25}\b(?:threaten\w*|harass\w*|bully\w*|ähvarda\w*|kiusa\w*|угрожа\w*|травить|запугать|написать угроз\w*)"),
    # blind9 gaps: leaked exam answers, threatening a person, the grandson-in-jail call, converting a gun.
    ("cybercrime_fraud", r"\b(?:answers|questions|vastused|küsimused|ответы|вопросы) (?:to|for|of|на) (?:\w+ ){0,4}(?:exam|test|eksam\w*|kontrolltöö\w*|экзамен\w*|тест\w*)\b.{0,50}\b(?:before|leak\w*|discord|telegram|enne|слив\w*|заранее)\b|"
     r"^(?=.*\b(?:grandson|granddaughter|grandchild|grandma|grandmother|old lady|pensioner|внук\w*|бабушк\w*|пенсионер\w*|lapselaps\w*|vanaema\w*|pensionär\w*)\b)"
     r"(?=.*\b(?:script|scare|pretend\w*|call|phone|звонк\w*|сценари\w*|испугал\w*|helista\w*|hirmuta\w*)\b)"
     r".*\b(?:transfer\w*|send\w* (?:me )?(?:money|her savings)|savings|bail|перев[её]л\w*|перевела|деньг\w*|сбережени\w*|kanna\w* raha|säästud\w*)\b"),
    ("hate_harassment", r"\bthreaten\w*\b.{0,30}\b(?:the|a|this|that|my)?\s?(?:kid|boy|girl|guy|classmate|teacher|him|her|them|snitch\w*|neighbou?r|ex)\b.{0,60}\b(?:scared|afraid|never|shut up|words|message|exact)\b|"
     r"\b(?:ähvarda\w*)\b.{0,30}\b(?:last|poissi|tüdrukut|klassivenda|õpetajat|teda)\b|\b(?:запугать|пригрозить|угрожать)\b.{0,30}\b(?:пацана|мальчика|девочку|одноклассни\w*|учител\w*|его|её|ее)\b"),
    ("weapons", r"\b(?:convert|turn|modify|make)\w*\b.{0,25}\b(?:airsoft|air ?(?:gun|rifle|pistol)|starter (?:gun|pistol)|blank (?:gun|pistol)|replica)\b.{0,30}\b(?:real|live|lethal|working|firearm)\b|"
     r"\bпеределать\b.{0,20}\b(?:травмат\w*|пневмат\w*|стартов\w*|охолощ\w*)\b.{0,20}\b(?:боев\w*|огнестрел\w*|настоящ\w*)|\bümber (?:ehitada|teha)\b.{0,30}\b(?:õhupüss\w*|stardipüstol\w*)"),
    # blind10 gaps: silencing a victim, role-play with a minor, shops that sell to minors, getting past
    # security tags, pipe guns, forged ID cards, drug stashes, spreading a fire.
    ("hate_harassment", r"\b(?:message|text|say|write|tell)\b.{0,50}\bso (?:she|he|they)(?:'s|'re| is| are| will be| gets?| get)? (?:too )?(?:scared|afraid|frightened|terrified)\b|"
     r"\bkeep (?:her|him|them) (?:quiet|from telling)\b|\b(?:too scared|too afraid) to tell anyone\b"),
    ("sexual_content", r"\b(?:role.?play|pretend|you'?re|you are|be)\b.{0,30}\b(?:my )?(?:[1-9]|1[0-7])[- ](?:year|yr)[- ]old (?:girlfriend|boyfriend|gf|bf|lover|wife|husband|partner|crush)\b|"
     r"\b(?:sa oled|ole) (?:mu |minu )?(?:[1-9]|1[0-7])[- ]?aasta\w+ (?:tüdruksõber|poiss-?sõber|kallim)\w*|\bты мо(?:я|й) (?:[1-9]|1[0-7])-?летн\w* (?:девушк\w*|парен\w*|любовни\w*)"),
    ("illegal_drugs", r"^(?=.*\b(?:beer|vodka|alcohol|booze|wine|cider|cigarettes|vapes?|drunk|пиво|водк\w*|алкогол\w*|сигарет\w*|вейп\w*|õlu\w*|viina\w*|alkohol\w*|sigaret\w*|veip\w*|purju)\b)"
     r".*\b(?:(?:don'?t|do not|won'?t|never) (?:check|ask for|ask about) (?:id|ids|age|passports?)|ei küsi (?:dokumenti|passi|id-?kaarti|vanust)|не спрашивают (?:документ\w*|паспорт\w*|возраст))\b"),
    ("other_crime", r"\b(?:get past|bypass|avoid|disable|remove|beat|trick)\b.{0,20}\b(?:security tags?|alarm tags?|anti-?theft (?:tags?|gates?)|security gates?|the (?:security )?guard)\b|"
     r"\b(?:turvavärav\w*|turvameh\w*|turvakiip\w*)\b.{0,40}\bmööda\b|\bmööda\b.{0,20}\b(?:turvavärav\w*|turvameh\w*)|\b(?:обойти|обмануть|снять)\b.{0,20}\b(?:рамк\w*|антикраж\w*|охранник\w*|датчик\w*)|"
     r"\bподж(?:ечь|игать|гу)\b.{0,40}\b(?:чтобы|быстр\w*|распростран\w*)|\bогонь (?:быстро )?распростран\w*|\bso (?:that )?the fire spreads\b|\bet tuli kiiresti levi\w*"),
    ("weapons", r"\b(?:make|build|assemble|construct|create|builds|making|building)\b.{0,30}\b(?:pipe ?guns?|pipe shotguns?|slam.?fire|homemade (?:guns?|firearms?|pistols?)|zip ?guns?)\b"),
    ("cybercrime_fraud", r"^(?=.*\b(?:makes? me (?:1[89]|2\d)|so i (?:look|am|seem) (?:1[89]|older)|birth (?:year|date)|date of birth|sünniaasta\w*|sünnikuupäev\w*|год рождения|дат\w* рождения|возраст\w*)\b)"
     r".*\b(?:template|mock-?up|copy|edit|fake|make|šabloon\w*|mall\w*|шаблон\w*|подделать)\b.{0,40}\b(?:id ?card|id-?kaart\w*|passport|pass\b|driving licen[cs]e|juhilu\w*|паспорт\w*|удостоверени\w*|айди)\b"),
    ("illegal_drugs", r"\b(?:где|найти|подскажи)\b.{0,30}\bзакладк\w*|\bзакладк\w*\b.{0,40}\b(?:бот\w*|телеграм\w*|tg)\b"),
    # Spreading a pathogen or poison through a water, air or food supply.
    ("cbrn_weapons", r"\b(?:spread|release|introduce|put|add|pour|dump|inject)\b.{0,30}\b(?:bacteri\w*|virus\w*|pathogens?|toxins?|poison\w*|germs|cholera)\b"
     r".{0,40}\b(?:water supply|water system|reservoir|waterworks|ventilation|air conditioning|food supply)"
     r"|\b(?:levitada|lasta|panna|valada|lisada|süstida)\b.{0,30}\b(?:bakter\w*|viirus\w*|mürk\w*|mürgi\w*|toksiin\w*|haigustekita\w*)"
     r".{0,40}\b(?:veevär\w*|veevarustus\w*|joogive\w*|veehoidla\w*|ventilatsiooni\w*)"
     r"|\b(?:распространить|распылить|запустить|подсыпать|добавить|вылить|занести)\b.{0,30}\b(?:бактери\w*|вирус\w*|яд\w*|токсин\w*|возбудител\w*)"
     r".{0,40}\b(?:водопровод\w*|водоснабжени\w*|питьев\w* вод\w*|водохранилищ\w*|вентиляц\w*)"),
    # Staging a death as suicide is murder, not self-harm.
    ("violence", r"\b(?:look|looks|appear) like (?:a |an )?(?:suicide|accident|overdose|self.?defen[cs]e)\b|\bnäeks välja (?:nagu|kui) (?:enesetapp|õnnetus)\w*|"
     r"\b(?:выглядел\w*|выглядит) как (?:самоубийств\w*|суицид\w*|несчастн\w* случа\w*)|\bинсценир\w* (?:самоубийств\w*|суицид\w*)"),
    # A poison that cannot be traced has one use.
    ("violence", r"\b(?:poison\w*|toxins?|mürk\w*|mürgi\w*|яд\w*|отрав\w*)\b.{0,40}(?:\b(?:undetect\w*|untrace\w*|not (?:be )?(?:detected|traced|found)|"
     r"jäljetult|avastamatu\w*|tuvastamatu\w*|бесследно)\b|\bei (?:ole )?(?:võimalik )?(?:\w+ )?(?:avasta\w*|tuvasta\w*)|"
     r"\b(?:невозможно|нельзя|не (?:смогут|сможет|могут|можно)) (?:\w+ )?(?:обнаружить|найти|отследить|определить))"),
    ("sexual_content", r"\b(?:favou?rite|best|good|free|hottest)\b.{0,20}\bporn\w*|\bporn\w*\b.{0,20}\b(?:to watch|sites?|videos?)\b(?!.{0,30}\b(?:harm|effect|affect|addict|law|illegal|age))"),
    ("hate_harassment", r"\b(?:destroy|ruin|damage|wreck|trash|tank|smear)\w*\b.{0,25}\breputation\b|"
     r"\bmaine\w*\b.{0,15}\b(?:rikkuda|hävitada|kahjustada|mustata)\b|\b(?:rikkuda|hävitada|kahjustada|mustata)\b.{0,25}\bmaine\w*|"
     r"\b(?:испортить|разрушить|уничтожить|подорвать)\b.{0,25}\bрепутаци\w*"),
    ("hate_harassment", _either_order(
        r"kiusata|kiusan|mõnitada|alandada|naeruvääristada|häbistada|vihkama panna",
        r"uut õpilast|õpilast|õpilasi|last|lapsi|uustulnuka\w*|klassikaaslas\w*|klassivenda|tüdrukut|poissi|õpetajat|teda", 30)),
    ("hate_harassment", _either_order(
        r"затравить|травить|унизить|опозорить|возненавидел\w*|высмеять",
        r"новеньк\w*|новичк\w*|одноклассни\w*|девочку|мальчика|учител\w*|е[её]\b|его\b", 30)),
    ("manipulation", r"\b(?:convincing|persuasive|veenv\w*|убедительн\w*)\b.{0,40}\b(?:article|post|essay|speech|"
     r"artikli?\w*|postitus\w*|kõne\w*|стать\w*|пост\w*|реч\w*)\b.{0,80}\b(?:vaccin\w*|vaktsiin\w*|вакцин\w*|"
     r"flat earth|lame\w* maa|плоск\w* земл\w*|conspiracy|vandenõu\w*|заговор\w*|rigged|stolen election|"
     r"võltsi\w*|сфальсифиц\w*)"),
)

# Self-harm in the first person; help-seeking for someone else is a benign frame below.
_SELF_HARM = (
    r"\b(?:kill|hurt|cut|harm|starve|hang|drown|burn|injure|poison) (?:myself|my ?self)\b",
    r"\b(?:end|take) my (?:own )?life\b|\bcommit suicide\b|\b(?:want|wanna|going|ready) to die\b|\bsuicidal\b",
    r"\bdon'?t want to (?:live|be alive|exist|wake up)\b|\bno reason to live\b|\bbetter off dead\b|\bnobody would (?:miss|care)\b",
    r"\b(?:carve|cut|slit|burn)\b.{0,25}\b(?:my|into my) (?:arms?|wrists?|skin|legs?|thighs?)\b|\bhow many pills\b.{0,30}\b(?:die|overdose|kill)\b",
    r"\b(?:highest|tallest|best|good|deadliest) (?:\w+ )?(?:bridge|building|cliff|roof|rooftop|tower|place) to jump (?:from|off)\b|\bend my life\b|\blike kurt cobain\b|\bjump (?:off|from)\b.{0,20}\b(?:bridge|building|roof)\b.{0,20}\b(?:die|end)\b",
    r"\b(?:end|ennast|enda|iseennast) (?:ära )?(?:tappa|tapma|vigastada|vigastanud|lõigata|lõikuda|näljutada)\b|\btahan surra\b|\b(?:ei taha|ei tahaks) (?:enam )?elada\b|\boma elu (?:valutult )?lõpetada\b|\benesetapu? (?:teha|plaan)",
    r"\b(?:not|never) (?:to )?wake up\b.{0,30}\b(?:pills|take|sleep)|\b(?:pills|tablets|medicine)\b.{0,40}\b(?:not|never) (?:to )?wake up\b|\bmitte (?:enam )?ärgata\b|\bне проснуться\b",
    r"\b(?:порезаться|порежусь|резать себя|режу себя|режусь|ennast lõigata|end lõigata|lõikun|lõikan (?:end|ennast|enda)|"
    r"lõikusin|lõikasin (?:end|ennast)|vigastan (?:end|ennast)|порезал(?:ся|ась)|порезала себя|порезал себя)\b",
    r"\b(?:cuts|burns|scars|wounds|marks) (?:that )?i (?:made|gave myself|did to myself)\b",
    r"\bi(?:'ve| have|'m| am)? (?:started |been |begun )?(?:cutting|burning|scratching) (?:myself |my (?:arms?|legs?|wrists?|thighs?|skin|stomach) )?again\b|\bi (?:cut|burn) myself\b",
    r"\b(?:bridge|building|roof|rooftop|cliff|tower|balcony|sild|maja|katus|мост|крыш\w*|здани\w*)\b.{0,40}\b(?:high enough|tall enough|piisavalt kõrge|достаточно высок\w*)\b|"
    r"\b(?:high enough|tall enough|piisavalt kõrge|достаточно высок\w*)\b.{0,40}\b(?:jump|hüpata|прыгнуть|done with everything|end it)\b",
    r"\b(?:punch|hit|bang|smash)\w* (?:the |a |my )?(?:wall|walls|head)\b.{0,40}\b(?:bleed\w*|blood\w*|till|until)\b|\b(?:lööma|löön) (?:vastu )?seina\w*\b.{0,40}\bveri\w*|\bбью\w* (?:о |об |в )?стен\w*\b.{0,40}\bкров\w*",
    r"\b(?:покончить с собой|убить себя|порезать себя|уйти из жизни|заморить себя)\b|\bне хочу (?:больше )?жить\b|\bхочу умереть\b|\bпричиняю себе боль\b",
    # Hiding one's own cuts or scars ("how do I cover the cuts on my arms", "peita lõikehaavu", "скрыть порезы").
    r"\b(?:hide|hiding|cover|covering|cover up|conceal|concealing|disguise)\b (?:up )?(?:(?:the|my|these|those|all|fresh|new|old) )*(?:\w+ )?"
    r"(?:cuts|scars|self.?harm\w*|cutting|burn marks|wounds|bruises)\b",
    r"\b(?:peita|peidan|varjata|varjan|katta|katan)\b.{0,30}\b(?:lõikehaav\w*|lõikejälg\w*|lõikamis\w*|arme|armi\w*|arm|enesevigastami\w*|haav\w*)\b|"
    r"\b(?:lõikehaav\w*|lõikejälg\w*|lõikamis\w*|arme|armi\w*)\b.{0,30}\b(?:peita|varjata|katta|ära peita)\b",
    r"\b(?:спрятать|скрыть|прятать|скрывать|замаскировать|замазать|закрасить)\b.{0,30}\b(?:порез\w*|шрам\w*|самоповрежд\w*)|"
    r"\b(?:порез\w*|шрам\w*)\b.{0,30}\b(?:спрятать|скрыть|прятать|скрывать|замаскировать)\b",
    # A lethal amount "for me": a question about one's own death, whatever the substance.
    r"\b(?:would|will|could|might|to|enough to|going to) kill me\b|\b(?:lethal|fatal|deadly)\b.{0,25}\bfor me\b|\bfor me to (?:die|not wake up)\b",
    r"\b(?:minu jaoks|mulle) (?:surmav\w*|saatuslik\w*|eluohtlik\w*)|\bsurmav\w* (?:annus |kogus )?(?:minu jaoks|mulle)\b|\bmind (?:ära )?tapaks\b|"
    r"\bet ma (?:ära )?sureksin\b",
    r"\bдля меня (?:смертельн\w*|летальн\w*)|\bсмертельн\w* (?:доз\w* )?для меня\b|\bубь[её]т меня\b|\bчтобы (?:я )?умер(?:ла)?\b|"
    r"\bчтобы (?:мне )?не проснуться\b",
    r"^(?=.*\b(?:nobody|no one|anyone|sees?|notice\w*|hide|school|pe|gym|parents)\b).*\b(?:place|spot|part|area|where)\b.{0,20}\bto cut\b(?! (?:the|a|an|this|that|my hair|hair|wood|paper|cake|bread|vegetables|onions?|fabric)\b)",
    r"\b(?:gave|give|giving|given) (?:all |away )?(?:of )?my (?:stuff|things|belongings|possessions)(?: away)?\b.{0,120}\b(?:decided|won't need|calm|doesn't hurt|painless|goodbye)\b",
    # Giving one's things away "because I won't need them"; a message so that loved ones know it was not their fault.
    r"\b(?:giv\w* away|giv\w* out|hand\w* out|donat\w*) (?:all )?(?:of )?my (?:stuff|things|belongings|possessions|clothes|games)\b.{0,80}\b(?:won't need|will not need|don't need|not (?:be )?(?:around|here)|no longer need)\b|"
    r"\b(?:jagan|annan) (?:oma )?asjad ära\b.{0,60}\b(?:pole (?:neid )?enam vaja|ei vaja neid enam)|\bраздаю (?:свои )?вещи\b.{0,60}\b(?:не понадоб\w*|не нужн\w*)",
    r"^(?=.*\b(?:message|letter|note|kiri\w*|sõnum\w*|письм\w*|сообщени\w*|записк\w*)\b)(?=.*\b(?:(?:wasn't|was not|isn't|is not) (?:their|your|his|her) fault|pole (?:nende|sinu|tema) süü|"
    r"не (?:их|твоя|его|её|ее) вин\w*)\b)(?=.*\b(?:ready before|before (?:sunday|monday|tuesday|wednesday|thursday|friday|saturday|the weekend|tonight|tomorrow)|when i'?m gone|"
    r"goodbye|farewell|enne (?:nädalavahetust|pühapäeva|homset)|hüvasti\w*|hüvastijätu\w*|прощальн\w*|до (?:выходных|воскресенья)|когда меня не будет)\b)",
    r"\b(?:goodbye|farewell) (?:message|letter|note|post)\b.{0,80}\b(?:don't|do not|won't|wouldn't) (?:\w+ )?(?:realise|realize|know|understand|guess)|"
    r"\bпрощальн\w* (?:сообщени\w*|письм\w*|пост\w*|записк\w*)\b.{0,80}\bне (?:сразу )?(?:поняли|догадались|понял\w*)|"
    r"\bhüvastijätu(?:kiri|sõnum)\w*\b.{0,80}\b(?:aru ei saaks|ei saaks aru|ei märkaks)",
    r"\bi (?:just )?want (?:it|this|everything|it all) to (?:be over|end|stop)\b|\bwant it all to end\b|\btahan,? et (?:see|kõik) (?:lihtsalt )?(?:lõpeks|läbi saaks)\b|"
    r"\bхочу,? чтобы (?:всё|все|это) (?:просто )?(?:закончилось|кончилось)\b|"
    r"\b(?:i (?:wrote|have written|'ve written|left)|kirjutasin|написал\w*|оставил\w*)\b.{0,40}\b(?:goodbye|farewell|hüvastijätu\w*|прощальн\w*)\b|"
    r"\b(?:goodbye|farewell) (?:letters?|notes?)\b.{0,40}\b(?:to my|for my) (?:parents|mom|dad|mum|family)\b",
    r"\b(?:how deep|kui sügavalt|kui sügavale|насколько глубоко|как глубоко)\b.{0,30}\b(?:cut|cutting|lõika\w*|резать|порезать|резаться)\b",
    r"\bi (?:make myself )?(?:throw up|vomit|purge)\b.{0,40}\b(?:after|every|weight|lose)\b|\boksend(?:an|asin)\b.{0,40}\b(?:pärast|kaal\w*|söögi\w*)|"
    r"\b(?:вызываю (?:у себя )?рвоту|меня рв[её]т специально)\b",
    # A farewell with finality ("goodbye everyone, I won't be here tomorrow").
    r"\b(?:goodbye|farewell)\b.{0,80}\b(?:won't|will not) (?:be (?:here|around|alive)|see me)|\b(?:won't|will not) (?:be (?:here|around|alive)|see me)\b"
    r".{0,80}\b(?:goodbye|farewell)\b|\bthis is (?:my )?(?:goodbye|farewell|my last message)\b|\bmy suicide note\b",
    r"\b(?:goodbye|farewell|suicide) (?:letters?|notes?)\b.{0,100}\b(?:before i (?:do|go through with) it|when i'?m gone|after i'?m gone|i'?m dead|end it)\b|"
    r"\b(?:before i (?:do|go through with) it|when i'?m gone|after i'?m gone)\b.{0,100}\b(?:goodbye|farewell|suicide) (?:letters?|notes?)\b|"
    r"\b(?:hüvastijätu|lahkumis)kir\w*\b.{0,80}\b(?:enne kui ma|kui mind enam|pärast mu surma)|\bпрощальн\w* (?:письм\w*|записк\w*)\b.{0,80}\b(?:перед тем как|когда меня не будет|после моей смерти)|"
    r"\b(?:hüvasti|jumalaga)\b.{0,80}\b(?:(?:mind )?enam (?:ei ole|pole)|ei näe mind enam|igaveseks|viimane sõnum)|"
    r"\b(?:enam (?:ei ole|pole)|ei näe mind enam|viimane sõnum)\b.{0,80}\b(?:hüvasti|jumalaga)\b",
    r"\b(?:прощай\w*|простите меня)\b.{0,80}(?:\bменя (?:\w+ ){0,2}не будет|\bне увидите\b|\bнавсегда\b|\bпоследнее сообщение\b)|"
    r"(?:\bменя (?:\w+ ){0,2}не будет|\bне увидите\b|\bпоследнее сообщение\b).{0,80}\b(?:прощай\w*|простите меня)|"
    r"\bпоследнее сообщение\b.{0,60}\bменя (?:\w+ ){0,2}не будет",
)

_BENIGN: tuple[tuple[str, str], ...] = (
    ("history", r"\b(?:during|in|after|before) (?:the )?(?:world war|ww ?(?:i|ii|1|2)|first world war|second world war|cold war|civil war|holocaust|\d{3,4}s?)\b|\bhistor(?:y|ical|ically)\b|\b(?:why|how) did\b|\bwhat happened\b|\bwere used\b|\bwhat (?:weapons|caused)\b"),
    ("history", r"\bhow (?:were|was) .{0,40}\b(?:treated|persecuted|affected|governed|ruled|deported)\b|\bunder (?:the )?(?:\w+ ){0,2}(?:rule|regime|occupation|dictatorship)\b|\bwhat was life like\b|\b(?:until|in|during|before|by) the (?:\d{1,2}(?:st|nd|rd|th)|early|late|mid) ?(?:-?\d{1,2}(?:st|nd|rd|th) )?century\b|\bhow many (?:\w+ ){0,2}(?:died|were killed|perished|were deported|were executed|were murdered|lost their lives|victims|casualties|deaths)\b|\b(?:kui palju|mitu) (?:\w+ ){0,2}(?:hukkus|suri|hukati|küüditati|tapeti|ohvreid|inimest hukkus)\b|\bсколько (?:\w+ ){0,2}(?:погибл\w*|погибших|умерло|умерли|было убито|убито|расстреляно|депортировано|жертв)\b|\b(?:okupatsiooni|nõukogude võimu|saksa võimu|režiimi) ajal\b|\bпри (?:\w+ )?(?:власти|режиме|оккупации)\b|\bво времена\b|\b(?:who invented|invention of|kes (?:selle |need |tema )?leiutas|leiutami\w*|кто (?:его |её |ее )?изобр\w+|изобретени\w*)|\bajalugu|\bajaloo|\bsõ(?:da|ja|jas|jad|dade)\b|\blahing|\b\d{4}\. aasta|\baastal \d{4}|\bmiks (?:küüditas|küüditati|juhtus|algas)|\bво время\b|\bв \d{4} году|\b\d{4} год|\bистори|\bвойн[аыеу]|\bбитв|\bсражени|\b(?:war|battle)s?\b"),
    ("history", r"\b\w{3,}(?:али|или|ели|яли)\b|\b\w{3,}(?:asid|esid|isid)\b"),
    ("science", r"\b(?:human body|bones|inimese keha\w*|luud|luid|человеческ\w* тел\w*|кост\w*|anatomy|anatoomia\w*|анатоми\w*|acne|pimples?|akne\w*|vistrik\w*|прыщ\w*|акне|wet dreams?|puberty|periods?|menstruat\w*|erections?|growth spurt|puberteet\w*|menstruatsioon\w*|päevad|поллюци\w*|месячн\w*|пубертат\w*|половое созревание|переходн\w* возраст\w*)\b|\bhow does\b.{0,30}\baffect\b|\beffects? (?:of|on)\b|\bвлия\w*|\bmõju\w*|\bmõjub\b|\bпочему .{0,60}(?:преступлени|запрещен|вредн)\w*|\bmiks (?:on )?.{0,30}(?:keelatud|kahjulik|kuritegu)\b|\bwhy (?:is|are) .{0,30}(?:illegal|banned|harmful|dangerous)\b"),
    # A definition or explanation, but not "what's the best way to ...", "what is my classmate's ...".
    ("definition", r"^(?:what is|what's|what are|what does|what was|what kind of|what type of|which kind of|define|meaning of|explain|describe|summari[sz]e|give (?:me )?(?:a |an )?(?:summary|overview) of|who was|who is|who invented|mis on|mis oli|mida tähendab|kes oli|kes leiutas|selgita|kirjelda|что такое|что означает|кто такой|кто изобрёл|кто изобрел|объясни|опиши)\b"
     rf"(?!.{{0,40}}\b{_HOW_TO_HARM}\b)(?! (?:my|mu|minu|мой|моя|моего|моей)\b)"
     r"(?!(?: some| the| a few| good)? (?:good |best |main |convincing )?(?:reasons?|arguments?|ways?|tips|methods?|tricks?|steps?|things (?:i|we|you) can)\b)"),
    ("fiction", r"\b(?:games?|gaming|witcher|the sims|assassin's creed|among us|overwatch|counter.?strike|cs:?go|valorant|league of legends|dota|mario|sonic|tetris|checkers|draughts|monopoly|scrabble|card game|cards|poker night|trivia|quiz|a race|arm wrestling|ping pong|table tennis|my (?:novel|story|book|screenplay|play)|a book i'm writing|mäng\w*|игр\w*|minecraft|fortnite|call of duty|gta|skyrim|zelda|pok[eé]mon|roblox|chess|video ?game|computer game|board game|in the game|in a game|movie|film|novel|the book|a story|fiction|shakespeare|macbeth|hamlet|harry potter|star wars|game of thrones|lord of the rings|batman|marvel|dark knight|tv show|tv series|сериал|фильм|книг|триллер|seriaal|sarja|thriller|naljakas lugu|muinasjut|luuletus|school play(?!\w)|a play(?!\w)|stage play(?!\w)|theat(?:re|er)|drama class|music video|film set|short film|totoro|daenerys|targaryen|jon snow|lannister|mission impossible|ocean's (?:eleven|twelve|11|12)|money heist|la casa de papel|die hard|home alone|the godfather|john wick|squid game|hunger games|peaky blinders|poirot|agatha christie|columbo|breaking bad|the sopranos|simcity|cities skylines|frodo|bilbo|gandalf|aragorn|hermione|dumbledore|voldemort|sherlock|james bond|superman|spider.?man|peter parker|bruce wayne|clark kent|tony stark|iron man|homer simpson|bart simpson|the simpsons|shrek|mickey mouse|donald duck|winnie the pooh|pikachu|naruto|goku|luke skywalker|darth vader|yoda|katniss|jack sparrow|indiana jones|lara croft|spongebob|sponge bob|peppa pig|paddington|garfield|scooby|asterix|tintin|pippi|kalevipoeg|sipsik|nukitsamees|lotte|карлсон|буратино|чебурашк|винни-пух|шерлок|гарри поттер|arvutimäng|malemäng|romaan|krimi|шахмат|компьютерн|роман|рассказ|детектив)\w*"),
    ("technical", r"\b(?:process(?:es)?(?! (?:for|of)\b)|threads?|programs?|scripts?|servers?|daemons?|tasks?|containers?|loops?|jobs?|commands?|terminal|linux|windows|python|java|code|apps?|application|computer|tabs?|browser|protsess\w*|программ\w*|процесс\w*)\b"),
    ("harmless_target", r"\b(?:fruit flies|moles|moths|silverfish|bed ?bugs|slugs|snails|termites|aphids)\b|"
     r"\b(?:äädikakärbes\w*|kärbes\w*|kärbse\w*|mutt\w*|mutte|mutid|hiir\w*|rott\w*|rotid|sipelga\w*|koi|koid|koisid|tarakan\w*|prussak\w*|lutika\w*|sääsk\w*|sääse\w*|puuk\w*|nälkj\w*|tigu|tigusid|umbroh\w*|kahjur\w*|lehetäi\w*)\b|"
     r"\b(?:мол[ьи]|мух\w*|мошк\w*|мыш\w*|крыс\w*|муравь\w*|таракан\w*|клоп\w*|комар\w*|клещ\w*|крот\w*|слизн\w*|улит\w*|тл[яи]|вредител\w*)\b|"
     r"\bweed (?:my|the|our|a) (?:\w+ )?(?:garden|lawn|yard|beds?|patch|allotment)\b|\bweed ?killers?\b|\bweed control\b|\b(?:euthani[sz]\w*|put down|put to sleep)\b.{0,20}\b(?:my |our |the )?(?:old |sick |dying |elderly |injured )?(?:dog|cat|pet|horse|hamster|rabbit|guinea pig|bird|ferret)\b|\b(?:dead|deceased) (?:pet|hamster|cat|dog|fish|goldfish|bird|budgie|rabbit|mouse|guinea pig|turtle|tortoise|snake|lizard)\b|\b(?:videos?|clips?|vlogs?|documentar(?:y|ies)|footage|selfies?|hoops|free throws?|arrows?|video\w*|видео\w*|weeds|weeding|rats?|mice|pests?|mosquito(?:es)?|fleas|ticks|lice|worms|insects?|bugs?|ants|cockroach(?:es)?|wasps?|mou?ld|bacteria|germs|fish|shrimps?|lobsters?|chicken|steak|turkey|onions?|garlic|vegetables|balloon|tent|photo|picture|zombies?|dragon|orc|umbrohtu|sibulat|fotot|pilti|värav\w*|nälkj\w*|сорняк\w*|слизн\w*|фото|снимок|гол|мяч|экзамен)\b"),
    # Helping someone else (also turns a first-person self-harm match into a question about a friend).
    ("help_seeking", r"\b(?:help|support|protect|comfort|talk to) (?:a|my|our|the|this|that) (?:\w+ )?(?:friend|student|classmate|child|kid|sister|brother|pupil|son|daughter|class)\b|\b(?:warning signs|recogni[sz]e|prevent(?:ion)?|lesson plan|for (?:a|the) parent|school counsell?or)\b|\b(?:ennetami|märgata|aidata sõpra|tunnikava|toetada (?:õpilast|sõpra|last|klassi))|\b(?:помочь другу|помочь подруге|распознать|профилактик|поддержать (?:ученик|друг|подруг|ребёнк|ребенк))"),
    # A teacher speaking or being asked about ("as a teacher", "õpetajana", "классному руководителю").
    ("teacher", r"\b(?:teachers?|as a teacher|homeroom teacher|form tutor|õpetaja\w*|klassijuhata\w*|учител\w*|педагог\w*|классн\w* руководител\w*)"),
    # A school subject or lesson named as the purpose ("for a chemistry lesson", "keemiatunniks", "для урока истории").
    ("curriculum", r"\b(?:history|chemistry|physics|biology|civics|economics|geography|literature|health|science|social studies|maths?|ethics|religion|media literacy)\b.{0,15}\b(?:lesson|class|homework|essay|project|exam|test|teacher|textbook|curriculum)\b|\b(?:ajaloo|keemia|füüsika|bioloogia|ühiskonnaõpetuse|majandus|geograafia|kirjanduse|terviseõpetuse|inimeseõpetuse|loodusõpetuse|matemaatika|usuõpetuse|meediaõpetuse)\w*\s?(?:tund|tunni|tunnis|tunnik|kodutöö|referaat|õpik|kontrolltöö|eksam)\w*|\b(?:keemia|füüsika|bioloogia|ajalugu|majandus)\b[.!]?\s*$|\b(?:урок\w*|домашн\w* задани\w*|учебник\w*|реферат\w*|экзамен\w*) (?:по )?(?:истори\w*|хими\w*|физик\w*|биологи\w*|обществознани\w*|экономик\w*|географи\w*|литератур\w*|здоров\w*|обж|математик\w*)|\b(?:хими\w*|физик\w*|биологи\w*|истори\w*|экономик\w*)[.!]?\s*$"),
    # An adult responsible for a child (teacher, parent, counsellor) reporting harm done TO a pupil or child and
    # asking how to help: a pupil/child word, a report or suffering marker, and a "what should I do / how do I
    # help" question. Strong (it neutralises a hit of the reported act); a request to harm cancels it (decide.py).
    ("reported_harm",
     r"^(?=.*\b(?:students?|pupils?|\d+.year.olds?|child|children|kids?|son|daughter|girl|boy|teen|teenagers?|classmates?|friends?|learners?|"
     r"õpila\w*|laps\w*|last|tütar\w*|tütre\w*|poeg\w*|poja\w*|sõber|sõbra\w*|sõpra|klassikaasla\w*|tüdruk\w*|poiss\w*|poisi\w*|noor\w*|"
     r"учени\w*|школьни\w*|реб[её]н\w*|дет(?:и|ей|ям)|сын\w*|доч\w*|друг\w*|подруг\w*|одноклассни\w*|девоч\w*|мальчик\w*|подрост\w*)\b)"
     r"(?=.*\b(?:told me|tells me|showed me|shows me|confided|disclosed|admitted|said|says|wrote|complained|is being|are being|was being|has been|have been|"
     r"i heard|i noticed|i found|i suspect|suspect|keeps? getting|bruises|split lip|scars|is afraid|are afraid|hits|beats|bullies|abuses|threatens|touches|hurts|harasses|"
     r"kuulsin|märkasin|rääki\w*|ütles|ütleb|kirjutas|usaldas|tunnistas|kaebas|kurtis|\w{3,}(?:takse|dakse|akse)|kiusati|peksti|löödi|ahistati|"
     r"ähvardati|mõnitati|lööb|peksab|kiusab|ähvardab|alandab|mõnitab|ahistab|sinika\w*|kardab|leidsin|kahtlustan|"
     r"узнал\w*|заметил\w*|рассказал\w*|признал\w*|пожаловал\w*|написал\w*|сказал\w*|поделил\w*|травят|бьют|избивают|обижают|унижают|угрожают|"
     r"домогает\w*|трогает|бь[её]т|избива\w*|синяк\w*|бо[ия]тся|подозрева\w*|нашл\w*|нашёл|разбит\w*|травл\w*)\b)"
     r"(?=.*(?:\bwhat (?:should|can|could|do|must) (?:i|we) do\b|\bhow (?:should|can|do|could|must) (?:i|we|the school|a teacher|teachers|parents|the class teacher) (?:best )?(?:help|support|respond|react|act|"
     r"handle|proceed|intervene|approach|deal|protect|talk)\b|\bhow (?:do|can|should) i talk to (?:him|her|them)\b|\bhow (?:do|can|should) i (?:bring it up|raise it|approach (?:him|her|them|this))\b|\bnext steps\b|\bwho (?:should|do|can) i (?:tell|report|contact|call)\b|"
     r"\bmida (?:\w+ ){0,5}(?:teha|tegema|ette võtta)\b|\bkuidas (?:\w+ ){0,5}(?:aidat\w*|toeta\w*|käitu\w*|sekku\w*|rääki\w*|kirjuta\w*|reageeri\w*|toimi\w*)\b|"
     r"\bkuhu (?:\w+ ){0,3}(?:teata\w*|pöördu\w*)\b|"
     r"\bkellele (?:\w+ )?(?:teatada|teatama|öelda|rääkida)\b|\bkuhu pöörduda\b|"
     r"\bчто (?:\w+ ){0,5}(?:делать|предпринять|сделать)\b|\bкак (?:\w+ ){0,5}(?:поступить|помочь|поддержать|реагировать|"
     r"отреагировать|вмешаться|действовать|себя вести|вести себя|поговорить|говорить|требовать)\b|\bкуда (?:\w+ )?обратиться\b|\bкому (?:\w+ )?сообщить\b))"),
    # A lesson, class discussion or prevention activity for pupils (teacher's material on bullying, consent,
    # online safety or drugs prevention). Strong; a request to harm cancels it.
    ("lesson",
     r"\b(?:lesson(?: plan)?|class discussion|classroom (?:activity|discussion)|workshop|assembly|homeroom|form time|circle time|"
     r"awareness (?:session|talk|campaign|week)|worksheet|role.?play|prevention (?:programme|program|lesson|session))s? "
     r"(?:for|about|on|with|that)\b|\b(?:teach|educate|warn|prepare) (?:my |our |the )?(?:students|pupils|class|kids|children|"
     r"teens|teenagers|\d+(?:th|st|nd|rd)?[- ]?graders?)\b(?: (?:about|on|to (?:recogni[sz]e|spot|avoid|stay|say no)))|"
     r"\b(?:tunnikava\w*|klassijuhatajatun\w*|ennetustun\w*|teemapäev\w*|arutelu\w* (?:klassi|õpilast)\w*|"
     r"(?:tund|tunni|tunniks|tundi|õppetund\w*) (?:\w+ )?(?:teemal|kohta)|õpilastele (?:\w+ )?(?:selgitada|rääkida|õpetada)|"
     r"(?:selgitada|rääkida|õpetada) (?:oma )?(?:\S+ )?(?:lapsele|tütrele|pojale|lastele|klassile|õpilastele))|"
     r"\bexplain (?:\w+ )?to (?:my |our |a |the )?(?:\S+ )?(?:daughter|son|kid|kids|child|children|class|students|pupils)\b|"
     r"\b(?:план\w* урока|конспект\w* урока|классн\w* час\w*|урок\w* (?:о|об|про|на тему)|бесед\w* (?:с|для) (?:\w+ )?(?:учени\w*|класс\w*|школьни\w*|детьми|подрост\w*)|"
     r"занят\w* (?:о|об|про|на тему|по профилактике)|объяснить (?:\w+ )?(?:ученикам|детям|школьникам|подросткам|ребёнку|ребенку|дочери|сыну|классу))"),
    # Asking how a thing works or makes money: an explanation of a mechanism (economics, science).
    ("explanatory", r"\bhow (?:do|does|did) (?:a |an |the )?(?:\w+ ){1,3}(?:work|function|make (?:their |its )?money|earn|profit|operate)\b|\bkuidas (?:\w+ ){1,3}(?:töötab|töötavad|tootab|tootavad|toimib|toimivad|teenib|teenivad|raha teenib|raha teenivad)\b|\bкак (?:\w+ ){0,2}(?:устроен\w*|работа\w*|функционир\w*|зарабатыва\w*)\b"),
    # Protecting oneself or reporting harm (weak frame: only raises the classifier threshold a little).
    # Telling an adult or the police, spotting fake news, scams or propaganda, warning one's family, making
    # something "-proof", or stopping someone who hurts the asker: strong protective frames.
    ("safeguarding", r"\b(?:report|reporting|tell|notify)\b(?!.{0,40}\b(?:false\w*|fake|made.up|lie)\b).{0,40}\bto (?:the |a |my |our )?(?:police|teachers?|school|principal|head ?teacher|authorities|parents|"
     r"moderators?|platform|helpline|child protection|social services|counsell?or)\b|"
     r"\b(?:spot|recogni[sz]e|identify|detect|check|verify|fact.?check|tell if|know if|debunk)\b.{0,40}\b(?:fake news|misinformation|disinformation|propaganda|deepfakes?|"
     r"scams?|phishing|hoax\w*|conspiracy theor\w*|is fake|are fake|is a scam|is real|fake (?:news|story|stories|accounts?|profiles?|reviews?|sites?|websites?))\b|"
     r"\b(?:warn|protect) (?:my |our |the )?(?:\w+ )?(?:grandma|grandmother|grandpa|grandfather|grandparents|parents|mum|mom|dad|friends|family|class|students|pupils|children|kids)\b|"
     r"\b(?:first aid|esmaabi\w*|перв\w* помощ\w*|stop (?:the )?bleeding|until the ambulance|call(?:ed)? (?:an )?ambulance|heimlich|cpr|kiirabi\w*|verejooks\w*|"
     r"elustami\w*|скор\w* помощ\w*|кровотечени\w*|при[её]м\w* геймлих\w*|реанимаци\w*|self.?defen[cs]e (?:class|course|lesson|training|instructor|teacher)|"
     r"(?:in|at) (?:our|my|a|the) self.?defen[cs]e|enesekaitse(?:trenn|tund|tunnis|kursus|treening)\w*|enesekaitse(?:s|l)|на самообороне|(?:курс|занят|тренировк|секци)\w* (?:по )?самообороне)\b|\b\w+[- ]?proof(?:ing)?\b|\b(?:should never be mixed|never (?:be )?mix\w*|dangerous to mix|for (?:safety|safety reasons)|to stay safe)\b|"
     r"\b(?:stop|prevent|deal with|handle|defend (?:myself )?against|protect myself from|get away from)\b.{0,30}\b(?:bullying|harassing|hurting|threatening|hitting|stalking|blackmailing|following|touching) me\b|"
     r"\b(?:tunda|märgata|kontrollida|eristada|tuvastada|ära tunda)\b.{0,30}\b(?:vale\w*uudis\w*|libauudis\w*|desinfo\w*|propaganda\w*|pettus\w*|petu\w*|petis\w*|õngitsus\w*)|"
     r"\b(?:teatada|teavitada|rääkida)\b.{0,30}\b(?:politsei\w*|õpetaja\w*|koolile|direktori\w*|vanemat\w*|lasteabi\w*)|\bhoiatada\b|"
     r"\b(?:распознать|отличить|проверить|определить|вычислить)\b.{0,30}\b(?:фейк\w*|дезинформаци\w*|пропаганд\w*|мошенни\w*|фишинг\w*)|"
     r"\b(?:сообщить|рассказать|заявить)\b.{0,30}\b(?:в полицию|полиции|учител\w*|директор\w*|родител\w*)|\bпредупредить\b"),
    ("protective", r"\b(?:report (?:it|this|a|the)|protect (?:myself|yourself|my|your)|stay safe|keep (?:myself|my \w+) safe|what should i do if|how (?:can|do) i stop (?:someone|them|him|her) from|recogni[sz]e|spot|avoid|defend against)\b|\b(?:kaitsta (?:end|ennast|oma)|mida teha,? kui|kuidas teatada|ära tunda|vältida)\b|\b(?:защитить (?:себя|свой|свою)|защититься|что делать,? если|как сообщить|распознать|избежать)"),
    ("everyday", r"\b(?:bake|baking|cook|cooking|recipe|boil|fry|roast|grill|chop|dice|cake|bread|cookies|pancakes|soup|pasta|salad|egg|eggs|knit|sew|crochet|origami|paper (?:plane|airplane)|glue|paint|draw|garden|plant|tomato\w*|homework|essay|exam|study|revise|memori[sz]e|handwriting|bicycle|bike tyre|tire|football|basketball|volleyball|tennis|chess|piano|guitar|violin|swim|run|running|marathon|workout|boxing|martial arts|judo|karate|wrestling|sparring|socket|outlet|light switch|light ?bulb|clean|laundry|dishes|smell|smells|odou?rs?|stains?|recycle|recycling|pumpkin|balloon|party|birthday|camping|campfire)\b|\b(?:küpseta\w*|keeda\w*|keetma|praadi\w*|retsept\w*|kook\w*|leib\w*|pannkook\w*|supp\w*|muna\w*|kudu\w*|õmble\w*|joonista\w*|maali\w*|aia\w*|istuta\w*|kodutöö\w*|kirjand\w*|eksam\w*|õppi\w*|jalgratta\w*|jalgpall\w*|korvpall\w*|võrkpall\w*|male\w*|klaver\w*|kitarr\w*|ujuma|jooks\w*|korista\w*|pesu\w*|matk\w*|lõke\w*|lõket|sünnipäev\w*|hakki\w*|tükelda\w*|koori\w*|sibula\w*|köögivilj\w*|liha\w*|kala\w*|lõhn\w*|plekk\w*|plekid|poks\w*|trenn\w*|treeni\w*|maadlus\w*|judo\w*|karate\w*|pistikupesa\w*|lüliti\w*)|\b(?:испечь|печь|пек\w*|варить|свар\w*|жарить|рецепт\w*|торт\w*|пирог\w*|хлеб\w*|блин\w*|суп\w*|яйц\w*|вязать|связать|шить|рисова\w*|огород\w*|посадить|домашн\w* задани\w*|сочинени\w*|экзамен\w*|учить|выучить|велосипед\w*|футбол\w*|баскетбол\w*|волейбол\w*|шахмат\w*|пианино|гитар\w*|плава\w*|бег\w*|убор\w*|стирк\w*|поход\w*|костёр|костер|день рождения|нарез\w*|почистить|разделать|разделк\w*|запек\w*|утк\w*|курин\w*|мяс\w*|рыб\w*|самбо|бокс\w*|тренировк\w*|борьб\w*|дзюдо|каратэ|розетк\w*|выключател\w*|лампочк\w*)"),
    # A harm verb whose object is a thing, with no person, animal or building anywhere in the message:
    # "kill time", "slash my costs", "smash a piñata", "blow up a balloon", "убить время", "tappa aega".
    ("figurative", rf"^(?!.*\b{_VICTIM}).*\b{_FIG_VERB}\b (?:(?:my|a|an|the|this|that|our|your|some|all|these|those|every) )?(?:\w+ )?(?!{_VICTIM}|\w+ly\b|(?:scenes?|victims?|weapons?|cases?|suspects?|trials?|sprees?|fields|methods?|into|onto|up|down|over|through|under|out|to|without|with|in|at|on|for|and|fast|now|again|it|one|off|them|quick|easily|anything|everything|all)\b)[a-zà-ž]{{3,}}"
     r"|\b(?:tappa|surnuks lüüa|veeta) (?:see |oma )?aega\b|\b(?:убить|убивать|скоротать) (?:\w+ )?врем\w*"),
    # Contacting or finding an organisation or public institution (its address, phone or website is public).
    ("public_entity", r"\b(?:contact|reach|call|e-?mail|write to|visit|find|get (?:in touch|hold) (?:with|of)|address (?:of|for)|phone number (?:of|for)|website (?:of|for)|opening hours (?:of|for)|"
     r"headquarters (?:of|for)|customer (?:service|support)|complain to|kontakt\w*|ühendust|aadress\w*|связаться|адрес\w*|телефон\w*)\b.{0,40}"
     r"\b(?:amazon|google|apple|microsoft|netflix|spotify|ikea|tesla|samsung|nokia|skype|bolt|wolt|telia|elisa|swedbank|seb|lhv|"
     r"the white house|white house|kremlin|the un|united nations|nato|unesco|unicef|red cross|european (?:parliament|commission|union)|"
     r"(?:the |a |our |my |local |nearest )?(?:\w+ ){0,3}(?:museum|library|embassy|consulate|ministry|parliament|riigikogu|university|city hall|town hall|"
     r"council|government|police station|post office|tax (?:office|board)|zoo|airport|railway station|hospital|clinic|company|"
     r"headquarters|customer service)|muuseum\w*|raamatukog\w*|saatkon\w*|ministeerium\w*|ülikool\w*|linnavalitsus\w*|vallavalitsus\w*|"
     r"музе\w*|библиотек\w*|посольств\w*|министерств\w*|университет\w*|мэри\w*)\b(?!'s (?:employees?|staff|workers?|ceo|director)\b)"),
    # Something the asker owns ("an old building on property I own", "my own shed"): a weak frame.
    ("own_property", r"\b(?:(?:property|land|house|home|garden|yard|farm|plot|shed|barn|car|bike|phone|computer|laptop) (?:that )?i (?:own|bought|inherited)|"
     r"my own (?:house|home|property|land|shed|barn|garden|yard|car|bike|phone|computer|laptop|files|data|account|furniture))\b"),
    # Questioning a prejudice ("why do people say…, is that racist?", "kas see on stereotüüp?", "это стереотип?"):
    # neutralises the hate or exclusion pattern that the quoted prejudice triggers.
    ("about_prejudice", r"\bis (?:that|it|this) (?:racist|sexist|a stereotype|prejudiced?|discriminat\w*)\b|\bstereotyp\w*|\bprejudice\w*|\bwhy do (?:some )?people (?:say|think|believe|claim)\b|"
     r"\bwhere does (?:the|this) (?:idea|stereotype|myth|prejudice)\b|\bmyth that\b|\bkas (?:see|too) on (?:rassis\w*|stereotüüp)\b|\bstereotüüp\w*|\beelarvamus\w*|"
     r"\bmiks (?:mõned )?inimesed (?:arvavad|ütlevad|usuvad)\b|\bэто (?:расизм|стереотип)\b|\bстереотип\w*|\bпредрассуд\w*|\bпочему (?:некоторые )?люди (?:считают|думают|говорят)\b"),
    # Arguments from both sides for a debate: weighing, not advocating (an exclusion pattern still stands).
    ("debate", r"\b(?:both sides|for a debate|debate (?:club|class|topic|team)|pros and cons|arguments for and against|poolt ja vastu|mõlemat poolt|väitlus\w*|за и против|обе стороны|для дебатов|дебат\w*)\b"),
    # Hyperbole: a kill "threat" over a trivial grievance (food, a charger, clothes), with no means named.
    ("hyperbole", r"^(?!.*\b(?:poison\w*|knife|knives|gun|stab\w*|strangl\w*|body|weapon\w*|mürgi?\w*|nuga|noa|relv\w*|laip\w*|яд\w*|нож\w*|труп\w*|оружи\w*)\b)"
     r".*\b(?:kill|murder|tapan|убью|прибью)\b.{0,40}\b(?:if|when|kui|если)\b.{0,40}\b(?:eat|eats|ate|takes?|took|touch\w*|steals?|uses?|borrow\w*|sööb|võtab|puudutab|съест|сожр[её]т|возьм[её]т|трогает)\b"
     r".{0,30}\b(?:my|mu|minu|мой|мою|моё|мои)\b.{0,20}\b(?:food|pizza|leftovers?|leftover pizza|snacks?|chocolate|candy|cake|fries|charger|hoodie|clothes|phone|headphones|šokolaadi|pitsa\w*|kommi\w*|laadija\w*|шоколад\w*|пицц\w*|еду|зарядк\w*|наушник\w*)"),
    ("absurd", r"\bhow many (?:\w+ )?(?:penguins|cats|ducks|hamsters|geese|squirrels|chickens|frogs|llamas|kittens|puppies|snails|ants|bees)\b.{0,30}\b(?:would it take|does it take|to lift|to carry|to heat|to move|to fill)\b|"
     r"\bсколько (?:\w+ )?(?:котов|кошек|пингвинов|уток|хомяков|гусей|муравьёв|муравьев|пчёл|пчел)\b.{0,20}\b(?:нужно|понадобится|надо)\b|\bmitu (?:\w+ )?(?:kassi|pingviini|parti|hamstrit|sipelgat)\b.{0,20}\b(?:oleks vaja|kuluks|on vaja)\b|"
     r"\barmy of (?:\d+ )?(?:\w+ )?(?:ducks|geese|cats|hamsters|penguins|squirrels|chickens|frogs|llamas|toddlers|grannies|kittens|puppies|snails)\b|"
     r"\b(?:time ?travel\w*|resurrect\w*|raise the dead|(?:be |are |is )?(?:not )?made (?:out )?of (?:concrete|stone|glass|metal|cheese|wood|paper|plastic|gold|steel)|live forever|be immortal|breathe fire|glow in the dark|speed of light|breathe (?:underwater|in space)|teleport\w*|levitate|invisible|stop time|read minds|walk through walls|photosynthesi[sz]e|time travel|control the weather|\d{3,} decibels|live on the sun|turn into|shoot lasers|fly like birds|fly|(?:survive|live) without (?:food|water|oxygen|air|sleep)|without (?:food|water|oxygen) forever|be a (?:robot|bird)|telekinesis|telepathy|superpowers?|lightning from|x-ray vision|on (?:saturn|jupiter|mars|venus|pluto|the moon|the sun|neptune)|in outer space|underwater cities|become invisible|hibernat\w+|(?:grow|have) (?:wings|gills)|(?:speak|talk) to (?:animals|plants))\b"),
    ("nonhuman", r"\b(?:why|should(?! (?:i|we|you)\b)|can(?! (?:i|we|you|one)\b)|miks|kas|почему|может|могут|должны)\b.{0,30}\b(?:purple |green |red |white |black |blue |yellow |brown |tall |small )?(?:carrots?|potato(?:es)?|tomato(?:es)?|apples?|bananas?|grapes?|mangos?|mangoes|rice|bread|clouds?|rocks?|stones?|trees?|flowers?|llamas?|cats?|dogs?|horses?|cows?|penguins?|dolphins?|robots?|toasters?|chairs?|tables?|cars?|ghosts?|unicorns?|dragons?|vampires?|elves|teddy bears?|pencils?|books?|lamps?|ice cream|cheese|pizzas?|noodles|cucumbers?|lemons?|olives?|pears?|oranges?|onions?|peppers?|eggplants?|aubergines?|carrots?|avocados?|peaches|plums?|cherr(?:y|ies)|strawberr(?:y|ies)|melons?|pumpkins?|mushrooms?|snowflakes?|rainbows?|coffee beans?|beans?|pickles?|sandwich(?:es)?|socks?|kettles?|microwaves?|fridges?|lamps?|raindrops?|plants?|pebbles?|bees?|ants?|hamsters?|squirrels?|goldfish|sharks?|whales?|butterflies|frogs?|balloons?|teapots?|spoons?|fairies|wizards?|goblins?|hobbits?|zombies?|aliens?|martians?|cartoon characters?|kivid|pilved|delfiin\w*|kassid|кошк\w*|камн\w*|дельфин\w*|облака)\b"),
)

# Idioms that use a harm word for something harmless ("steal the show", "crush the exam", "explode with
# laughter", "obliterate my self-doubts", "tappa aega", "убить время"). Only a frame when no harm word is
# left once the idiom is taken out (see ``detect``).
_IDIOM = re.compile(
    r"\bsteal(?:s|ing)? (?:(?:someone|somebody|his|her|my|your|their|our|the|a|people)(?:'s)? )?(?:heart|hearts|show|spotlight|limelight|thunder|"
    r"breath|glances?|kiss|a look|the scene|base|bases)\b|\b(?:explode|burst|die|dying|crack(?:ing)? up) (?:with|of|from) "
    r"(?:laughter|laughing|joy|happiness|excitement|pride|curiosity|embarrassment|boredom)\b|"
    r"\b(?:kill|killing|killed|slay|slaying|slayed|crush|crushing|crushed|nail|nailing|nailed|smash|smashing|smashed|ace|aced|rock|rocked|bomb|bombed|murder|murdered|destroy|destroyed|own|owning|owned) "
    r"(?:it|my|the|this|that|an|a|our) ?(?:\w+ )?(?:exam|test|interview|audition|presentation|performance|speech|gig|show|set|song|"
    r"solo|role|competition|contest|game|match|race|quiz|pitch|essay|recital|karaoke|dance|routine|workout|level|boss fight)?\b"
    r"(?= (?:at|in|on|during|tomorrow|today|tonight|next|this)\b|[?.!,]|$)|"
    r"\bknock (?:them|him|her|'em|em|everyone|the audience|the judges|the jury|people) (?:dead|out)\b(?!.{0,20}\b(?:cold|unconscious|with a|with my)\b)|"
    r"\bblow (?:them|him|her|everyone|people|the (?:audience|judges|jury|crowd|interviewers?|teachers?)|my (?:\w+ )?(?:teacher|parents|friends|date|boss)) away\b|"
    r"\bbreak (?:a leg|the ice|the bank|the news|the record|a record|a sweat|the habit|a habit|the silence|the rules of grammar)\b|"
    r"\b(?:kill|killing|kills|pass|passing|waste|wasting) (?:some )?time\b|\bmake (?:a )?killing\b|\bkill (?:the|this|that) "
    r"(?:mood|vibe|lights|music|engine|conversation|buzz|joke|deal)\b|\bshoot (?:for the (?:stars|moon)|(?:my|your|his|her) shot|the breeze)\b|"
    r"\btake (?:out )?(?:the )?(?:trash|garbage|rubbish|bins?|recycling)(?: out)?\b|\bpop (?:a|the|my|this) (?:blister|pimple|zit|balloon|question|corn|popcorn|bubble)\b|"
    r"\bbreak(?:ing)? into (?:the )?(?:\w+ ){0,2}(?:industry|market|business|field|world|scene|charts|profession|career|league|top \d+)\b|"
    r"\bsever (?:my |the |all |our )?(?:employment|ties|contract|relationship|connection|links?|partnership|membership)\b|"
    r"\b(?:pierce|punch|drill|cut|blow|shoot|poke|knock) (?:a |the )?holes? (?:in|into|through)\b(?! (?:him|her|them|someone|somebody|my \w+|his|a person|people)\b)|"
    r"\btake a stab at\b|\bbeat (?:the (?:heat|traffic|odds|clock|deadline|rush|crowds?|record|system)|(?:my|the) (?:personal best|record|high score))\b|"
    r"\b(?:drown|bury|kill|crush|obliterate|destroy|fight|beat|overcome|silence|conquer|eliminate|defeat|smash|squash|murder|annihilate|"
    r"strangle|choke|suffocate|shoot down|slay|get rid of|banish|tame|stop) (?:all )?(?:of )?(?:my|your|our|these|those|the) (?:own )?"
    r"(?:self.?doubts?|doubts?|fears?|anxiet(?:y|ies)|worries|worry|sorrows?|stress|procrastination|insecurit\w+|inner critic|negative thoughts?|"
    r"bad habits?|sadness|boredom|jealousy|anger|laziness|nerves|cravings?|hunger|thirst|acne|cold|hiccups|impostor syndrome|"
    r"perfectionism|stage fright|writer's block|loneliness|shyness|urges? to procrastinate|distractions?|competition|opponents? in (?:chess|debate))\b|"
    r"\b(?:tappa|surnuks lüüa|veeta) (?:see |oma )?aega\b|\b(?:убить|убивать|скоротать) (?:\w+ )?врем\w*|\bразбить лёд\b|\bпорвать (?:зал|танцпол|сцену|публику)\b|\b(?:kõik|publiku|žürii) pikali (?:lüüa|löön|lööma)\b|\bcatch (?:him|her|them|my \w+) red.handed\b|\bвзорвать (?:танцпол\w*|зал|сцену|интернет|соцсети|чарты)\b|\bblow up (?:the )?(?:dance ?floor|internet|charts|my phone|social media)\b|\bmurda jää\b"
)

# "In real life": whatever game or story is named, the act is meant for the real world.
_REAL_WORLD = re.compile(r"\b(?:in real life|irl|real.life|for real|in reality|real name|real address|päriselus|päris elus|päris nim\w*|в реальной жизни|в реале|по-настоящему|настоящ\w* им\w*)\b")

# Harm inside a named video game (the game's own mechanic: "kill someone in Call of Duty", "steal a car in
# GTA"). Raises the classifier threshold for the categories a game is about (decide.py).
_GAME_WORLD = re.compile(
    r"\b(?:in|on|at|while playing|when playing|during|inside|for) (?:the game |a game of |a round of |a match of |my game of |a )?(?:gta(?: ?(?:v|iv|iii|4|5|6|online|san andreas|vice city))?|"
    r"grand theft auto|call of duty|cod|warzone|fortnite|minecraft|roblox|pubg|apex(?: legends)?|counter.?strike|cs:?go|cs2|valorant|"
    r"overwatch|among us|skyrim|the witcher|witcher \d|assassin's creed|red dead(?: redemption)?(?: \d)?|hitman|far cry|battlefield|halo|doom|"
    r"dark souls|elden ring|zelda|mortal kombat|tekken|street fighter|the sims|sims \d|league of legends|dota(?: 2)?|rust|dayz|fallout(?: \d)?|"
    r"cyberpunk(?: 2077)?|resident evil|metal gear|payday(?: \d)?|rainbow six|thief|dishonored|splatoon|super smash bros|pokemon|pokémon|monopoly|cluedo|clue|risk|catan|scrabble|chess|poker|checkers|draughts|arm wrestling|ping pong|table tennis|tennis|trivia|cards|card games?|simcity|cities skylines|civilization|civ \d|"
    r"(?:a |the |this |my )?(?:video ?|computer |online |mobile |board |card )?game)\b|\b(?:mängus|arvutimängus|videomängus|minecraftis|fortnite'?is|robloxis|dotas|gta-?s|cs-?is|valorantis)\b|\bв (?:\w+ )?игре\b|"
    r"\bв (?:доте|дота 2|кс|кс ?го|контр.?страйке|майнкрафте|фортнайте|роблоксе|гта|варкрафте|танках|пабге|валоранте|овервотче|скайриме|симс\w*|шахматах|варзоне|колде|апексе|роблоксе|бравл ?старсе|стандофф\w*)\b"
)

# Hiding an act from parents, teachers, police or dogs: makes a borderline request more likely harmful.
_EVASION = re.compile(
    r"\b(?:avoid|not|never|don't|do not|won't) (?:getting |being |get |be )?(?:caught|detected)\b|\b(?:least|less) likely to (?:get|be) (?:caught|seen|noticed)\b|\bcaught on (?:the )?(?:\w+ )?cameras?\b|"
    r"\bso (?:that )?(?:\w+ ){1,2}(?:won't|doesn't|don't|can't|will not|cannot|does not|do not) (?:catch|detect|notice|flag|find out|spot)\b|"
    r"\bwithout (?:getting caught|being (?:caught|noticed|seen|detected)|anyone (?:noticing|knowing|finding out)|"
    r"(?:my )?(?:parents|teachers?|police|mom|dad) (?:noticing|knowing|finding out))\b|\bso (?:that )?(?:no ?one|nobody|"
    r"(?:my )?(?:parents|teachers?|police|dogs?)) (?:won't|doesn't|don't|can't|will not) (?:notice|know|find|see)\b|"
    r"\bilma,? et (?:ta|nad|keegi|tema|õpetaja\w*|vanemad) (?:teaks|märkaks|näeks|teada saaks)\b|\bnii,? et (?:\w+ ){1,2}ei (?:märka\w*|näe\w*|leia\w*|saa teada|piiksu\w*|kuule\w*)\b|"
    r"\bnii,? et (?:keegi|õpetaja\w*|õps\w*|vanema\w*|politsei|koera\w*|ema|isa) ei (?:märka\w*|näe\w*|leia\w*|saa teada)|"
    r"\bvahele (?:ei jää|jäämata|mitte jääda)|\b(?:not be|without being|won't be|can't be|never be) (?:detected|traced|noticed|found out)\b|"
    r"\bwithout (?:leaving |it leaving )?(?:any )?(?:marks|bruises|traces?|evidence|fingerprints|dna)\b|\bleav\w* no (?:evidence|traces?|fingerprints|marks|dna)\b|\bwithout (?:me )?(?:getting|being) (?:blamed|in trouble|suspended|expelled)\b|\bwithout (?:an? )?(?:id|age check|id check|ids|being carded|proof of age)\b|\bjälgi ei jää\w*|\bjälgi jätmata\b|\bне оставив следов\b|"
    r"\bчтобы не (?:осталось|остались|оставалось|оставались|было видно) (?:\w+ )?(?:следов|синяков)\b|\bnii,? et (?:\w+ )?(?:ei näeks|ei näe|ei märkaks)\b|"
    r"\bundetect(?:ed|able)\b|\b(?:невозможно|нельзя|не смогут|не сможет) (?:обнаружить|найти|отследить)\b|"
    r"\b(?:ei (?:ole )?(?:võimalik )?(?:avasta\w*|tuvasta\w*)|avastamatu\w*)\b|\buntraceabl[ey]\b|\bjäljetult\b|\bбесследно\b|\bне (?:обнаруж\w*|отследи\w*)|"
    r"\bчтобы (?:\w+ ){1,2}не (?:заметил\w*|увидел\w*|узнал\w*|спалил\w*|запищал\w*|пищал\w*|зазвенел\w*|спросил\w*|вычислил\w*|нашл\w*)\b|"
    r"\bчтобы (?:никто|учител\w*|училк\w*|родител\w*|полици\w*|собак\w*|мама|папа|мать|отец) не (?:замети\w*|увиде\w*|узна\w*|наш\w*|наход\w*|спали\w*|пали\w*)|\bне попасться\b"
)

# Informational intent: asking why something happened, its causes or consequences, how an election
# or a trial is run, what the law says or who may vote (the curriculum). A strong frame unless the same
# message also shows instructional intent or a stereotype (see decide.py).
_INFORMATIONAL = re.compile(
    r"^(?:why (?:did|was|were|had|has|have|is it|are they|was it|didn't|wasn't|weren't|hadn't|did not|was not|were not)\b|why (?:is|are) .{0,40}\b(?:illegal|banned|forbidden|prohibited|"
    r"regulated|restricted|a crime|punished|dangerous|harmful)\b|what (?:were|was|are|is) the (?:main |long-term |real )?"
    r"(?:causes?|consequences?|effects?|reasons?|results?|impact|origins?|aftermath|legacy|significance|role|outcome)\b|"
    r"what (?:does|did) (?:the |estonian |russian |international )?law|is it (?:legal|illegal|against the law)\b|"
    r"(?:can|may) (?:a |an )?(?:teen(?:ager)?|minor|\d{1,2}.year.old|child|student) (?:legally )?(?:own|buy|have|carry|drive|vote|work)\b|"
    r"is (?:\S+ ){1,4}(?:legal|allowed|illegal|banned|permitted) (?:for|in|to)\b|do (?:i|we|you) need (?:a |an )?(?:\w+ )?(?:licen[cs]e|permit)\b|"
    r"what (?:is|was|are|were) the (?:punishment|penalt\w+|sentence)|who (?:can|could|may|is allowed to|has the right to|gets to) vote|"
    r"how (?:are|were|is|was|do|does|did) .{0,40}\b(?:elected|counted|organi[sz]ed|held|tried|prosecuted|punished|regulated|"
    r"governed|vote|voted|elections?)\b)"
    r"|^(?:miks\b|mis (?:olid|oli|on) (?:\w+ ){0,2}(?:põhjus\w*|tagajär\w*|mõju\w*|tulemus\w*|eesmär\w*)|millised (?:olid|on) "
    r"(?:\w+ ){0,2}(?:põhjus\w*|tagajär\w*|mõju\w*)|mida (?:ütleb|sätestab|ütles) (?:\w+ )?(?:seadus\w*|karistusseadustik|põhiseadus)|"
    r"kas (?:mul|meil|lapsel|alaealisel|õpilasel) on vaja (?:\S+ ){0,2}(?:\w*luba|\w*loa|\w*kaart\w*|litsents\w*|dokument\w*)|kas (?:\S+ ){0,3}(?:tohib|tohivad|võib|võivad|voib|voivad|on lubatud|on seaduslik|on keelatud)\b(?!.{0,40}\b(?:ilma|salaja|märkamatult)\b)|(?:milline|mis|missugune) karistus|kes (?:saavad|saab|tohivad|tohib|võivad|võib|said) (?:\w+ ){0,3}(?:hääleta\w*|valida|"
    r"kandideeri\w*)|kuidas (?:\w+ ){0,3}(?:toimuvad|toimub|toimusid|toimus|korraldatakse|korraldati|valitakse|valiti|loetakse|karistatakse|"
    r"karistati|mõjutas|mõjutasid|mõjutab|mõjutavad|käib|käivad|tekkis|tekkisid|lõppes|lõppesid|algas|algasid|kohtleti|elati))"
    r"|^(?:почему\b|каковы (?:были )?(?:\w+ )?(?:причины|последствия|итоги|цели)|какие (?:были )?(?:\w+ )?(?:причины|последствия|итоги)|"
    r"что (?:говорит|гласит|сказано в) (?:\w+ )?(?:закон\w*|конституци\w*|кодекс\w*)|можно ли (?:\w+ ){0,3}(?:иметь|покупать|купить|носить|владеть|голосовать|работать)\b(?!.{0,40}\b(?:без|тайно|незаметно)\b)|(?:какое|какая|что грозит|чем грозит)\b.{0,30}"
    r"(?:наказани\w*|ответственност\w*|грозит)|кто (?:имеет право|может|могут|имел право|мог) (?:\w+ ){0,2}(?:голосовать|избирать|"
    r"баллотироваться)|как (?:\w+ ){0,3}(?:проходят|проходили|проходит|проходил\w*|проводятся|проводились|устроен\w*|организован\w*|избирают|"
    r"избирали|наказывают|наказывали|повлиял\w*|влияет|влияют|подсчитывают|считают голоса|возник\w*|закончил\w*|начал\w*|жили|обращались)|"
    r"чем (?:закончил\w*|обернул\w*)|за что\b|зачем (?:проводил\w*|нужн\w*|был\w*))"
)

# Instructional intent: how to do or get something, step by step, for the asker, or a plan in the
# conditional ("if I wanted to…", "kui ma tahaksin…", "если бы я…"). Pedagogical verbs (explain, talk
# to, support, report, recognise…) are not instructions to harm.
_PEDAGOGIC_EN = (
    r"(?:explain|teach|talk|speak|discuss|present|describe|remember|learn|study|understand|support|help|report|recogni[sz]e|"
    r"spot|prevent|protect|stop|cope|deal|handle|respond|react|act|intervene|proceed|behave|reassure|notice|raise|calm|resolve|comfort|tell if|know if|check|find out if|avoid|"
    r"write (?:an? )?(?:essay|summary|report|lesson)|prepare|plan (?:a|the) lesson|introduce|address|approach|make sure)"
)
_INSTRUCTIONAL = re.compile(
    rf"\bhow (?:do|can|could|would|should|might|may) (?:i|we|you|one|someone|somebody|a person|people|my friend|he|she|they)"
    rf"(?: have)? (?!{_PEDAGOGIC_EN}\b)\w+|\bhow to (?!{_PEDAGOGIC_EN}\b)\w+|\bstep[- ]by[- ]step\b|\binstructions?\b|"
    r"\bwhere (?:can|could|do|should|to) (?:i |we )?(?:buy|get|find|order|obtain|score|source)\b|\bif i (?:wanted|want|were|was|had) to\b|"
    r"\bwhat (?:would|should|could|do|can) i \w+|\bi want to do (?:it|that|the same)\b|\bteach me\b|"
    r"\bshow me how\b|\bgive me (?:a |the )?(?:recipe|instructions|steps|guide)\b|\b(?:can|may) i\b|"
    r"\b(?:list|give me|tell me) (?:\w+ )?(?:exact )?(?:parts|steps|materials|ingredients|amounts)\b|\bstep by step details\b|"
    r"\b(?:which|what) (?:\w+ ){0,3}would (?:work|be best|do it)\b|\b(?:how much|what dose|what amount) (?:\w+ ){0,3}(?:per|each|a) day\b|\bfor realism\b|\bbe realistic\b|\brealistically\b|"
    r"\bso (?:it'?s|the (?:scene|story) is) (?:believable|accurate|realistic)\b|\brealistlik\w*|\bреалистичн\w*|"
    r"\bi(?:'m| am) trying to\b|\bi (?:want|need|plan) to\b|\bhow (?:much|many)\b.{0,40}\b(?:need|to|would|does it take)\b|"
    r"\b(?:mitu|kui palju)\b.{0,40}\b(?:vaja|peab|tuleb)\b|\b(?:milliseid|mida|mis) (?:\w+ ){0,2}(?:kasutada|öelda|segada|osta)\b|"
    r"\bсколько\b.{0,40}\b(?:нужно|надо)\b|\b(?:easiest|best|quickest|safest) (?:\w+ )?to\b|\bways? (?:that |in which )?(?:i|we|you|one) (?:can|could)\b|\bways? to\b|\bthings (?:that )?(?:i|we|you) (?:can|could)\b|"
    r"\b(?:which|what)\b.{0,40}\b(?:most (?:profit\w*|effective|lethal|deadly|damag\w*|money)|easiest|cheapest|quickest)\b|"
    r"^(?:please )?(?:write|compose|create|draft|generate|make up|come up with|develop|build|design|give me|list)\b|"
    r"^(?:palun )?(?:kirjuta|koosta|loo|tee|mõtle välja|anna|nimeta)\b|^(?:пожалуйста,? )?(?:напиши|составь|сочини|придумай|создай|сделай|дай|перечисли)\b"
    r"|\bkuidas (?:ma|me|mina|meie|saan|saaksin|saaksime|võiksin|võiks|peaksin|oleksin)\b(?!(?: \w+){0,2} (?:aidata|toetada|käituda|sekkuda|"
    r"reageerida|toimida|rääkida|selgitada|õpetada|teatada|märgata|ennetada|kaitsta)\b)|\bkuidas (?!rääkida|selgitada|õpetada|"
    r"arutada|toetada|aidata|teatada|märgata|ennetada|kaitsta|käituda|reageerida|lahendada|tulla|toime|tunda|eristada|aru saada|"
    r"vältida|lepitada|rahustada|suhelda|vestelda|kirjeldada)(?:\w+ ){0,2}(?:(?!(?:seda|teda|mida|keda|sinda|enda)\b)\w+(?:da|ta)|teha|panna|viia|tuua|süüa|juua|lüüa)\b|\bsamm-sammult\b|\bjuhend\w*|\bjuhis\w*|"
    r"\bkust (?:ma |me )?(?:saaksin |saan |võiks |võiksin )?(?:osta|saada|hankida|tellida)\b|\bkui ma (?:tahaksin|tahan|peaksin|oleksin|"
    r"tahtsin)\b|\bmida ma (?:peaksin|oleksin pidanud|kasutaksin|vajaksin|kasutan|segan|ütlen|ütleksin)\b|\btahan (?:sama|seda) teha\b"
    r"|\bкак (?:мне|нам|я|можно|бы)\b(?!(?: \w+){0,2} (?:помочь|поддержать|поступить|реагировать|отреагировать|вмешаться|"
    r"действовать|объяснить|рассказать|поговорить|сообщить|защитить|распознать|предотвратить)\b)|\bкак (?!объяснить|рассказать|говорить|поговорить|обсудить|поддержать|помочь|сообщить|"
    r"распознать|предотвратить|защитить|вести|реагировать|помирить|отличить|справиться|понять|успокоить|решить|избежать|"
    r"описать)\w+(?:ть|ти|чь)\b|\bпошагов\w*|\bпо шагам\b|\bшаг за шагом\b|\bинструкци\w*|\bгде (?:можно )?(?:купить|достать|взять|заказать)\b|"
    r"\bесли бы (?:я|мне)\b|\bчто (?:мне )?(?:лучше )?(?:использовать|подсыпать|добавить|смешать|сказать)\b|\bхочу (?:так же|повторить|"
    r"сделать так же)\b"
)

# A request to harm a person ("how can I hit a pupil", "kuidas last lüüa", "как унизить ученика"): cancels
# the teacher, lesson, reported-harm and help frames, whoever the speaker says they are.
_EN_HARM_REQ_V = (
    r"kill|murder|hurt|hit|beat|beat up|slap|punch|kick|poison|stab|strangle|choke|humiliate|bully|harass|threaten|blackmail|"
    r"scare|intimidate|groom|seduce|touch|drug|spike|punish|torture|shame|embarrass|mock|isolate"
)
_HARM_REQUEST = re.compile(
    rf"\b(?:how (?:do|can|could|should|would|might) (?:i|we|you|one)|how to|ways? to|best way to|the way to|help me|i want to|"
    rf"i'm going to|i am going to|let's)(?: \w+)? (?:{_EN_HARM_REQ_V})\b (?:\w+ ){{0,2}}?{_PEOPLE}\b"
    r"|\b(?:kuidas|tahan|tahaksin) (?:\w+ ){0,3}(?:lüüa|peksta|läbi peksta|kiusata|mõnitada|alandada|tappa|mürgitada|ähvardada|hirmutada|ahistada|"
    r"vigastada|naeruvääristada|häbistada|narrida|piinata|karistada)\b"
    r"|\bкуда (?:лучше )?(?:бить|ударить)\b|\bкак (?:\w+ ){0,3}(?:ударить|избить|побить|бить|травить|затравить|унизить|опозорить|высмеять|запугать|напугать|"
    r"угрожать|убить|отравить|покалечить|наказать|шантажировать|совратить|домогаться|мучить)\b"
)

# A generalisation about a named group with an evaluative word ("why are X so lazy", "dumber than",
# "miks on X nii laisad", "почему X такие ленивые", "тупее"): not a curriculum "why".
_STEREOTYPE = re.compile(
    r"\bwhy (?:are|do|is|does) (?:all |most |so many )?(?:\w+ ){1,2}(?:so|such|always|never)\b|\ball \w+ are\b|\bare all \w+\b"
    r"|\b(?:jokes?|memes?|nicknames?|insults?|roasts?)\b.{0,15}\b(?:about|for|on|against)\b"
    r"|\bmiks (?:on |olid )?(?:\w+ ){1,2}(?:nii|alati|kõik)\b|\b(?:nalj\w*|meem\w*|hüüdnim\w*)\b.{0,25}\b(?:kohta|üle)\b"
    r"|\bпочему (?:все )?(?:\w+ ){1,2}(?:такие|так|всегда|все)\b|\b(?:шутк\w*|анекдот\w*|мем\w*|прозвищ\w*)\b.{0,10}\b(?:про|о|об|над)\b"
)
# Ranking people by worth needs no group word: "dumber than", "the laziest", "rumalamad", "тупее",
# nor does "why are X so lazy / stupid" (with a contemptuous adjective).
_RANKING = re.compile(
    r"\bwhy (?:are|do|is|does) (?:all |most )?(?:\w+ ){1,2}(?:so |such |always )(?:\w+ )?(?:stupid|dumb|lazy|ugly|loud|rude|dirty|"
    r"greedy|violent|arrogant|cheap|weird|annoying|girly|smelly|aggressive|primitive|backward|useless|disgusting)\b|"
    r"\bmiks (?:on |olid )?(?:\w+ ){1,2}(?:nii|alati) (?:\w+ )?(?:rumal|lollid|laisad|koledad|labased|räpased|vägivaldsed|ahned|"
    r"ülbed|tüütud|primitiivsed|kasutud)\w*|"
    r"\bпочему (?:все )?(?:\w+ ){1,2}(?:такие|так|всегда) (?:\w+ )?(?:тупы|глуп|ленив|уродлив|грязн|жадн|наглы|агрессивн|"
    r"примитивн|бесполезн|противн)\w*|"
    r"\b(?:dumber|stupider|lazier|uglier|dirtier|less intelligent|more violent|inferior|superior) (?:than|to)\b|"
    r"\b(?:the )?(?:dumbest|stupidest|laziest|ugliest|least intelligent)\b"
    r"|\b(?:rumalama|laisema|koledama|alama)\w*|\bvähem (?:intelligent|tark|targad|andeka|andekad|võimeka|võimekad|arene)\w*|\bменее (?:умн|интеллект|способн|развит|талантлив)\w*|\bkõige (?:rumalam|laisem|koledam)\w*"
    r"|\b(?:тупее|глупее|ленивее|грязнее|уродливее)\b|\bсамы[йея] (?:тупы|глупы|ленивы|уродлив)\w*|\bнеполноценн\w*"
)
# "Why should X…", "why was it right / justified", "miks peaks…", "почему нельзя…": a request for an
# argument, not for an explanation of what happened.
_ARGUMENT = re.compile(
    r"\b(?:why|what makes|reasons?|arguments?)\b.{0,60}\b(?:should(?:n't)?|must|ought|(?:was|were|is|are)(?: it)? (?:right|best|better|justified|good|"
    r"correct|a good thing|necessary)|good thing|morally|deserved?)\b"
    r"|\b(?:miks|põhjenda)\b.{0,60}\b(?:peaks|peaksid|tuleks|ei tohiks|ei tohi|oli (?:\w+ )?õigus|õigus oli|õigustatud|hea asi|väärisid|"
    r"väärib|vajalik oli)\b"
    r"|\b(?:почему|обоснуй|докажи)\b.{0,60}\b(?:нельзя|не стоит|стоит|должн\w*|был\w* прав\w*|прав был\w*|оправдан\w*|"
    r"хорош\w*|заслужил\w*|правильно)\b"
)

# Harm vocabulary in any form (topic, not intent): with instructional intent it becomes a cue.
_HARM_TOPIC = re.compile(
    r"\b(?:kill\w*|murder\w*|poison\w*|stab\w*|strangl\w*|shoot\w*|hurt\w*|injur\w*|beat (?:up|him|her|them)|attack\w*|"
    r"bomb\w*|explo\w*|weapon\w*|guns?|pistol\w*|rifle\w*|knife|knives|grenade\w*|ammo|ammunition|drugs?|weed|cocaine|heroin|"
    r"meth\w*|mdma|ecstasy|lsd|pills|overdose|steal\w*|stole|rob\w*|shoplift\w*|burgl\w*|hack\w*|phish\w*|malware|virus|"
    r"password\w*|spy\w*|track\w*|stalk\w*|blackmail\w*|threat\w*|bully\w*|harass\w*|insult\w*|humiliat\w*|slurs?|nudes?|naked|"
    r"sex\w*|sexist|racist|suicid\w*|fire|arson|toxic|undetect\w*|untrace\w*|smuggl\w*|cheat\w*|fake|forg\w*|rig\w*|vote\w*|"
    r"fraud\w*|launder\w*|lie|lying|counterfeit\w*|hijack\w*|kidnap\w*|tortur\w*|terror\w*|shooting|hidden camera\w*|secretly|"
    r"revenge|pain\w*|punish\w*|someone|somebody|rival|enemy|witness|evidence|high|drunk|proving|propaganda|conspiracy|hoax|"
    r"assault\w*|molly|sells?|dealers?|monitor\w*|surveil\w*|wiretap\w*|address\w*|lives|auschwitz|concentration camps?|"
    r"gas chambers?|ugly|fat|stupid|worthless|die|dead|death|destroy\w*|ruin\w*|reputation|bacteri\w*|pathogens?|germs|"
    r"hostages?|porn\w*|slurs?|slut|whore|n.?word|retard\w*|fag\w*|profit\w*|treason|sabotag\w*|brib\w*|extort\w*|embezzl\w*|"
    r"manipulat\w*|gaslight\w*|scam\w*|con (?:him|her|them|someone|people)|trick (?:him|her|them|someone|people|my)|taliban|isis|nazi\w*|hitler|slaves?|slavery|vault|alarm\w*|lockpick\w*|evad\w*|earns?|salary|income|medical records?|sarin|vx|novichok|tabun|soman|ricin|anthrax|botulinum|smallpox|nerve (?:agent|gas)|"
    r"mustard gas|chlorine gas|bioweapons?|chemical weapons?|dirty bomb|enrich\w*|uranium|plutonium)\b"
    r"|\b\w*(?:tap[ap]\w*|tapm\w*|mõrv\w*|mürgi?\w*|pussit\w*|peks\w*|lõhk\w*|pomm\w*|relv\w*|püss\w*|narko\w*|kanep\w*|varast\w*|"
    r"varg\w*|häkk\w*|parool\w*|jälgi\w*|ähvard\w*|kius\w*|mõnit\w*|alasti|seks\w*|enesetap\w*|süüta\w*|põlema|lunaraha\w*|"
    r"võlts\w*|petta|pettus\w*|kaaperd\w*|tulista\w*|karista\w*|kaamera\w*|peidet\w*|salaja|haiget|valu\w*|röövi\w*|terror\w*|"
    r"petu\w*|kedagi|kellelegi|sariin\w*|ritsiin\w*|närvigaas\w*|närvimürk\w*|siberi katk\w*|keemiarelv\w*|uraan\w*|rünna\w*|rünnak\w*|mürk\w*|bakter\w*|viirus\w*|pantvang\w*|tabletti\w*|joob\w*|purju|surra|surema|surm\w*|kole\w*|rumal\w*|paks\w*|aadress\w*|elukoh\w*)"
    r"|\b(?:уби\w*|убь\w*|отрав\w*|яд\w*|зарез\w*|изби\w*|бомб\w*|взрыв\w*|оружи\w*|пистолет\w*|нож\w*|наркот\w*|травк\w*|"
    r"кокаин\w*|укра\w*|ворова\w*|краж\w*|взлом\w*|парол\w*|шпион\w*|следить|угроз\w*|трав[иял]\w*|униз\w*|голы[емх]\w*|"
    r"секс\w*|суицид\w*|самоубий\w*|подж\w*|поддел\w*|обман\w*|мошенни\w*|больно|бол[ьи]\w*|угна\w*|похит\w*|стрел\w*|"
    r"камер\w*|тайно|скрыт\w*|наказ\w*|террор\w*|ограб\w*|кого-то|кому-то|таблет\w*|пьян\w*|умер\w*|смерт\w*|уродин\w*|"
    r"туп\w*|жирн\w*|зарин\w*|рицин\w*|зоман\w*|новичок\w*|нервно-паралитическ\w*|сибирск\w* язв\w*|химическ\w* оружи\w*|уран\w*|нападени\w*|напасть|напад\w*|атак\w*|бактери\w*|вирус\w*|заложни\w*|никчёмн\w*|никчемн\w*|адрес\w*)"
)

# Words near harm that are too common to make "how do I…" an instructional cue, but whose presence means
# the message is not plainly harmless: no "no_harm_words" relief for it (decide.py).
_SENSITIVE = (
    r"\b(?:erotic\w*|sick|sleepy|unconscious|pass(?:ing)? out|challenges?|jump\w*|slip\w*|spik\w*|hid(?:e|ing|den)|marks|cuts?|cutting|"
    r"break(?:ing)? in\w*|get into|sneak\w*|lock\w*|alone|ignore|exclud\w*|isolat\w*|texts|messages|chats?|phone|consent|ransom\w*|corpse|bod(?:y|ies)|"
    r"blood\w*|gor\w*|violent|weak|hate|enemy|enemies|revenge|payback|teach (?:him|her|them) a lesson|pay back|make (?:him|her|them) pay|"
    r"pills?|medicines?|alcohol|vodka|beer|wine|vape\w*|cigarettes?|smok\w*|gambl\w*|bet|betting|drunk|party|parties|date|secret\w*|"
    r"follow\w*|watch\w*|photos?|pictures?|camera\w*|location|where (?:she|he|they) lives?|who (?:she|he|they)|ex|crush|girl|boy|"
    r"black|white|jews?|muslims?|gays?|immigrants?|women|men|race|religion|disabled|fat|skinny|weight|starv\w*|diet\w*|vomit\w*|"
    r"police|cops?|prison|jail|illegal\w*|law|crime|criminal|gang\w*|cult\w*|extrem\w*|radical\w*|jihad\w*|tamper\w*|unauthori[sz]ed|"
    r"insider|caught|disinformation|misinformation|panic|voting machines?|ballots?|detergent|bleach|unsupervised|stranger\w*|dares?)\b"
    r"|\b\w*(?:hüpa\w*|hüppa\w*|muuki\w*|laip\w*|lahti saada|õhku|üksi|ei räägi|majja|sisse |erootil\w*|haige\w*|uimast\w*|jooki|joogi\w*|"
    r"alkohol\w*|viin\w*|õlu\w*|suitseta\w*|sigaret\w*|veri\w*|vere\w*|kätte maksta|kättemaks\w*|vaenla\w*|vihka\w*|politsei\w*|vangla\w*|"
    r"seadus\w*|kuri\w*|jõuk\w*|sekt\w*|äärmus\w*|nälg\w*|kaal\w*|oksen\w*|saladu\w*|salaja\w*|pilt\w*|foto\w*|sõnum\w*|telefon\w*)"
    r"|\b(?:прыг\w*|вымогател\w*|манипулир\w*|разговарива\w*|бойкот\w*|никто|взорв\w*|труп\w*|эротич\w*|подсып\w*|снотвор\w*|"
    r"отомст\w*|мест[ьи]|алкогол\w*|водк\w*|пив\w*|сигарет\w*|кур\w*|кров\w*|враг\w*|ненавид\w*|полици\w*|тюрьм\w*|закон\w*|"
    r"преступ\w*|банд\w*|секта\w*|экстрем\w*|голод\w*|вес\w*|рвот\w*|секрет\w*|тайн\w*|фото\w*|сообщени\w*|переписк\w*|телефон\w*|"
    r"один|одна|одного|одну|игнор\w*)"
)

# Every harm verb of the patterns above, and substance and attack names they use.
_HARM_LISTS = (
    rf"\b(?:{_HARM_VERB}|{_FIG_VERB}|{_ET_HARM_V}|{_RU_HARM_V}|punch\w*|collaps\w*|overthrow\w*|sabotag\w*|iq)\b"
    r"|(?:amfetamiin|metamfetamiin|kokaiin|heroiin|fentanüül|ekstaas|mefedroon|lunavara|pahavara|klahvilogija|troojala|õngitsus|"
    r"амфетамин|мефедрон|кокаин|героин|фентанил|экстази|фишинг|вымогател|кейлоггер|троян|вредоносн|взлом|оружи|бомб|взрыв|"
    r"pomm|relv|lõhke|mürk|häkk)"
)
# Either list, or the harm topic vocabulary, means the message is not plainly harmless.
_NOT_PLAIN = re.compile(f"{_SENSITIVE}|{_HARM_LISTS}")

# The intent cues above exist for en, et and ru only: elsewhere their absence means nothing.
_CUE_LANGUAGE = re.compile(
    r"[а-яё]|\b(?:the|a|an|is|are|was|were|how|what|why|who|where|when|i|you|my|your|to|of|and|in|do|does|can|should|"
    r"ja|on|kas|kuidas|mis|miks|kes|kus|ma|mu|minu|sa|sinu|et|ei|see|oli|olid|mida|kui|palun)\b"
)

# Exclusion is about groups of people: an exclusion pattern stands only when a human group is named
# ("why should energy drinks not be allowed to vote" is nonsense, not discrimination).
_GROUP = re.compile(
    r"\b(?:people|persons|folks|humans|men|women|girls|boys|kids|children|immigrants?|migrants?|refugees?|foreigners?|"
    r"minorit(?:y|ies)|jews?|jewish|muslims?|christians?|catholics?|protestants?|hindus?|buddhists?|sikhs?|atheists?|"
    r"mormons?|gays?|lesbians?|bisexuals?|trans|transgender|queer|lgbtq?|asexual|non-binary|nonbinary|blacks?|whites?|"
    r"asians?|hispanics?|latin(?:o|a|x)s?|arabs?|africans?|roma|gypsies|indigenous|natives?|aboriginals?|disabled|"
    r"blind|deaf|elderly|seniors|poor|homeless|unemployed|divorced|pregnant|veterans|citizens|voters|workers|"
    r"\w+(?:ans|ese|ians)|(?:someone|somebody|people|person|guys?) from|"
    r"inimes\w*|naised|naistel|naisi|mehed|meestel|tüdruk\w*|poisid|poistel|\w+lased|\w+lastel|\w+lasi|juudi\w*|"
    r"moslem\w*|kristla\w*|pagula\w*|immigran\w*|sisseränd\w*|roma\w*|mustla\w*|geid|geidel|lesbi\w*|homo\w*|"
    r"trans\w*|puuetega|vanur\w*|vaese\w*|kodutu\w*|vähemus\w*|välismaala\w*|ateist\w*|"
    r"люд\w*|женщин\w*|мужчин\w*|девоч\w*|девушк\w*|мальчик\w*|русск\w*|эстонц\w*|украин\w*|евре\w*|"
    r"мусульман\w*|христиан\w*|беженц\w*|мигрант\w*|иммигрант\w*|цыган\w*|ге(?:и|ев|ям)|лесбиянк\w*|"
    r"трансгендер\w*|инвалид\w*|пожил\w*|бедн\w*|бездомн\w*|меньшинств\w*|иностран\w*|атеист\w*|\w+цы|\w+цев|\w+цам)\b"
)

# "All X are thieves / kõik mustlased on vargad / все цыгане воры": a named group called criminals.
_HARD += (
    # Inciting anger against a group with false claims.
    ("manipulation", rf"^(?=.*{_GROUP.pattern}).*\b(?:want|make|get)\b (?:people|everyone|viewers|readers|the comments|them|my followers)\b.{{0,30}}\b(?:angry|furious|outraged|hate|mad at|turn against)\b"),
    ("hate_harassment", rf"^(?=.*{_GROUP.pattern}).*\b(?:all|kõik|все)\s+(?:\w+\s+){{0,2}}(?:are\s+|on\s+|[—-]\s*)?(?:thieves|criminals|terrorists|rapists|"
     r"parasites|animals|vermin|vargad|kurjategijad|terroristid|vägistajad|parasiidid|loomad|воры|преступники|террористы|насильники|паразиты|животные)\b"),
)

_COMPILED_HARD = tuple((cat, re.compile(p)) for cat, p in _HARD)
_COMPILED_SELF = tuple(re.compile(p) for p in _SELF_HARM)
_COMPILED_BENIGN = tuple((name, re.compile(p)) for name, p in _BENIGN)
_SELF_HARM_SOFT = re.compile(r"\b(?:suicide|self.?harm|overdose|enesetap|enesevigast|суицид|самоубийств|самоповрежд)\w*")

CATEGORIES = tuple(sorted({c for c, _ in _HARD} | {"self_harm"}))


def detect(views: tuple[str, ...]) -> list[Signal]:
    """Hard harm signals, first-person self-harm, soft self-harm mentions and benign frames."""
    signals: list[Signal] = []
    harm_words = False
    for text in views:
        hard_here = False
        for cat, pattern in _COMPILED_HARD:
            if m := pattern.search(text):
                if cat != "exclusion" or _GROUP.search(text):
                    hard_here = True
                    signals.append(Signal(NAME, cat, HARD, m.group(0)))
                else:
                    # The shape of an exclusion argument with no human group named: a nonsense question.
                    signals.append(Signal(NAME, "nonhuman", BENIGN, m.group(0)))
        for pattern in _COMPILED_SELF:
            if m := pattern.search(text):
                signals.append(Signal(NAME, "self_harm", HARD, m.group(0)))
        if (m := _IDIOM.search(text)) and not _HARM_TOPIC.search(rest := _IDIOM.sub(" ", text)) and not any(
            p.search(rest) for _, p in _COMPILED_HARD
        ):
            signals.append(Signal(NAME, "idiom", BENIGN, m.group(0)))
        if m := _REAL_WORLD.search(text):
            signals.append(Signal(NAME, "real_world", SOFT, m.group(0)))
        elif m := _GAME_WORLD.search(text):
            signals.append(Signal(NAME, "game_world", BENIGN, m.group(0)))
        if m := _INFORMATIONAL.search(text):
            signals.append(Signal(NAME, "informational", BENIGN, m.group(0)))
        harm_topic = _HARM_TOPIC.search(text)
        harm_words = harm_words or hard_here or bool(harm_topic or _NOT_PLAIN.search(text))
        if (m := _INSTRUCTIONAL.search(text)) and (hard_here or harm_topic):
            signals.append(Signal(NAME, "instructional", SOFT, m.group(0)))
        if ((m := _STEREOTYPE.search(text)) and _GROUP.search(text)) or (m := _RANKING.search(text)):
            signals.append(Signal(NAME, "stereotype", SOFT, m.group(0)))
        if m := _HARM_REQUEST.search(text):
            signals.append(Signal(NAME, "harm_request", SOFT, m.group(0)))
        if m := _ARGUMENT.search(text):
            signals.append(Signal(NAME, "argument", SOFT, m.group(0)))
        if m := _CUE_LANGUAGE.search(text):
            signals.append(Signal(NAME, "cue_language", BENIGN, m.group(0)))
        if m := _EVASION.search(text):
            signals.append(Signal(NAME, "evasion", SOFT, m.group(0)))
        if m := _SELF_HARM_SOFT.search(text):
            signals.append(Signal(NAME, "self_harm", SOFT, m.group(0)))
        for name, pattern in _COMPILED_BENIGN:
            if m := pattern.search(text):
                signals.append(Signal(NAME, name, BENIGN, m.group(0)))
    if not harm_words and not any(s.strength == HARD for s in signals):
        # No harm vocabulary in any view: the classifier alone must be surer (decide.py).
        signals.append(Signal(NAME, "no_harm_words", BENIGN, ""))
    return list(dict.fromkeys(signals))
