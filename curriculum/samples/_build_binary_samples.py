#!/usr/bin/env python3
"""Build the DOCX and PDF sample curriculum documents.

The texts were written for the localtutor project (CC BY 4.0, the localtutor
authors) and are kept in this script, in a tiny markup:

    # Title              -> Heading 1
    ## Section           -> Heading 2
    - item               -> bulleted paragraph
    <<<PAGE>>>           -> page break (PDF: new page; DOCX: page break)
    other lines          -> paragraphs (blank lines separate paragraphs)

Run from anywhere:  python curriculum/samples/_build_binary_samples.py
Requires python-docx and fpdf2.  PDFs embed the DejaVu Sans TrueType font
(Unicode, so Estonian š/ž and Russian text are rendered); if the font is not
found, the script falls back to the Latin-1 core font Helvetica and replaces
characters that Latin-1 cannot encode.
"""
from __future__ import annotations

import datetime as _dt
import os
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAGE = "<<<PAGE>>>"

FONT_CANDIDATES = [
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
     "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    ("/usr/share/fonts/dejavu/DejaVuSans.ttf",
     "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf"),
]

# A fixed timestamp keeps the generated files stable between runs.
FIXED_DATE = _dt.datetime(2026, 1, 1, tzinfo=_dt.UTC)

DOCS: dict[str, str] = {}

# ---------------------------------------------------------------- DOCX (ee)
DOCS["ee/ajalugu_muistne_vabadusvoitlus.docx"] = """
# Muistne vabadusvõitlus (1208–1227)

Ajalugu, 7. klass. Muistseks vabadusvõitluseks nimetatakse eestlaste ligi kaks aastakümmet kestnud võitlust Saksa ja Taani ristisõdijate vastu 13. sajandi alguses. Selle tulemusena kaotasid eestlased iseseisvuse ja nende alad jagati võõraste valitsejate vahel.

## Eesti enne ristisõdu

13. sajandi alguses ei olnud Eestis ühtset riiki. Maa jagunes maakondadeks, näiteks Sakala, Ugandi, Harjumaa, Virumaa, Läänemaa ja Saaremaa, ning need omakorda kihelkondadeks. Kogukondi juhtisid vanemad, kes otsustasid sõja ja rahu üle. Tähtsad keskused olid linnused, näiteks Varbola, Otepää, Tarbatu (Tartu), Lõhavere ja Valjala. Eestlased kauplesid naabritega ning käisid ka ise sõjaretkedel, näiteks Rootsi ja Taani rannikule.

## Ristisõja algus

Paavst kuulutas välja ristisõja Läänemere idakalda paganate vastu. Piiskop Albert rajas 1201. aastal Riia linna ja 1202. aastal asutati Mõõgavendade ordu. Pärast liivlaste ja latgalite alistamist jõudsid ristisõdijad Eesti aladele: 1208. aastal rünnati Ugandit ja põletati Otepää linnus. Nii algas sõda, mis kestis vahelduva eduga ligi kakskümmend aastat.

## Tähtsamad sündmused

- 1210 – Ümera lahingus said eestlased ristisõdijate üle võidu.
- 1217 – Madisepäeva lahingus Viljandi lähedal said eestlased raske kaotuse. Langes Sakala vanem Lembitu, keda peetakse muistse vabadusvõitluse tuntuimaks juhiks.
- 1219 – Taani kuningas Valdemar II maabus Lindanise juures ja alustas sinna linnuse ehitamist. Legendi järgi langes lahingu ajal taevast punane rist valgel põhjal – Taani lipp Dannebrog.
- 1220 – saarlased hävitasid Lihulasse rajatud Rootsi kindlustuse.
- 1223 – algas suur vastuhakk, mille käigus vallutati tagasi mitu linnust. Appi kutsuti Vene vürstide vägesid; Tartu linnust valitses vürst Vjatško.
- 1224 – ristisõdijad vallutasid pärast piiramist Tartu linnuse.
- 1227 – talvel ületasid ristisõdijad jää ja vallutasid Muhu linnuse; seejärel alistus Valjala ning Saaremaa ristiti.

## Allikas: Henriku Liivimaa kroonika

Peamine teadete allikas on ladina keeles kirjutatud Henriku Liivimaa kroonika. Selle autor, preester Henrik, osales ise paljudes sündmustes ja kirjutas kroonika 1220. aastatel. Kroonikat lugedes tuleb meeles pidada, et autor vaatas sündmusi ristisõdijate poolelt.

## Tagajärjed

Pärast vallutust jagati Eesti ala Taani kuninga (Harju- ja Virumaa), Mõõgavendade ordu ning Tartu ja Saare-Lääne piiskoppide vahel. Kujunes Vana-Liivimaa. Pärast seda, kui Mõõgavendade ordu sai 1236. aastal Saule lahingus lüüa, liideti ordu Saksa orduga ning selle Liivimaa haru hakati nimetama Liivi orduks. Eestlased pidid maksma kirikule ja uutele isandatele makse. Vabadusvõitluse mälestus elas edasi ja hilisemad ülestõusud, näiteks Jüriöö ülestõus 1343. aastal, näitavad, et võõrvõimuga ei lepitud.

## Küsimused

- Miks ei suutnud eestlased ristisõdijatele lõpuni vastu panna?
- Milline oli Lembitu roll vabadusvõitluses?
- Miks tuleb Henriku kroonikat kasutada kriitiliselt?
"""

DOCS["ee/kirjandus_kitzberg_libahunt.docx"] = """
# August Kitzberg ja „Libahunt”

Kirjandus, 9. klass. August Kitzberg on üks eesti draamakirjanduse rajajaid. Tema näidend „Libahunt” on eesti teatris kõige sagedamini lavastatud teoste hulgas ning räägib sellest, mis juhtub, kui kogukond ei talu teistsugust inimest.

## Autor

August Kitzberg (1855–1927) sündis Mulgimaal. Kõrgharidust ta ei saanud: ta töötas pikka aega vallakirjutaja ja ametnikuna ning kirjanikuna sai ta laiemalt tuntuks alles keskeas. Kitzbergi tuntumad teosed on külaromaanid ja näidendid „Tuulte pöörises”, „Libahunt” ja „Kauka jumal”. Tema teostes on sageli Mulgimaa külaelu, rahvausundi ja pärimuse motiivid.

## Näidendi sünd

„Libahunt” valmis 1911. aastal ning ilmus ja esietendus 1912. aastal. Kitzberg kasutas näidendis vana rahvausku, mille järgi võis inimene muutuda hundiks ehk libahundiks. Sellised uskumused on eesti rahvaluules levinud ning nendega seletati ka inimeste teistsugust käitumist või päritolu.

## Tegelased ja sisu

Näidendi tegevus toimub Tammaru talus. Talu peres kasvab üles orvuks jäänud tüdruk Tiina, kelle ema kohta räägiti külas, et ta oli nõid ja libahunt. Tiina on ilus, iseteadlik ja vabadust armastav, teistest erinev. Tammaru poeg Margus armub Tiinasse, kuid küla ja pere suhtuvad tüdrukusse umbusuga. Perre sobivaks miniaks peetakse tagasihoidlikku ja kuulekat Marit.

Kui külas hakatakse Tiinat süüdistama libahundiks olemises, jääb ta üksi. Margus ei julge teda kaitsta ega vastu hakata pere ja küla tahtmisele. Tiina peab talust lahkuma. Näidendi lõpp on traagiline: Tiina hukkub.

## Teemad

- **Vabadus ja erinevus.** Tiina esindab inimest, kes tahab elada oma südame järgi. Tema „hundilikkus” tähendab tegelikult iseseisvust, mida kogukond ei mõista.
- **Eelarvamused.** Küla mõistab Tiina hukka tema päritolu ja kuulujuttude, mitte tegude pärast.
- **Armastus ja kohustus.** Margus on lõhestatud armastuse ning pere ja talu ootuste vahel.
- **Rahvausund.** Näidend näitab, kuidas vanad uskumused mõjutasid inimeste otsuseid.

## Lavastused ja film

„Libahunti” on lavastatud paljudes Eesti teatrites ning Tiina roll on olnud paljude näitlejate jaoks tähtis väljakutse. 1968. aastal valmis Leida Laiuse lavastatud mängufilm „Libahunt”.

## Arutle

- Kas Tiina on näidendis süüdlane või ohver? Põhjenda.
- Miks Margus ei suuda Tiinat kaitsta?
- Kas ka tänapäeval tõrjutakse inimesi kuulujuttude põhjal? Too näiteid.
"""

DOCS["ee/geo_laanemeri.docx"] = """
# Läänemeri

Geograafia, 8. klass. Läänemeri on Eestit ümbritsev noor ja madal sisemeri. Selle omadused mõjutavad Eesti kliimat, kalandust, meresõitu ja puhkust.

## Asend ja osad

Läänemeri asub Põhja-Euroopas ning on ookeaniga ühenduses ainult kitsaste ja madalate Taani väinade kaudu. Eestit ümbritsevad Läänemere osad on põhjas Soome laht, läänes avameri, edelas Liivi laht ning saarte ja mandri vahel madal Väinameri. Kokku on Läänemere ääres üheksa riiki.

## Tekkimine

Läänemeri on geoloogiliselt väga noor. Pärast viimase jääaja lõppu täitis nõgu sulamisvesi ja tekkis Balti jääjärv. Seejärel vaheldusid mitu arengujärku: Joldiameri, Antsülusjärv ja Litoriinameri, mis kujunesid olenevalt sellest, kas nõgu oli ookeaniga ühenduses või mitte. Praegune Läänemeri on kujunenud viimase paari tuhande aasta jooksul. Loode-Eestis kerkib maapind jääaja järelmõjuna endiselt, mõnes kohas kuni 2–3 mm aastas, mistõttu rannajoon nihkub aeglaselt mere poole.

## Vesi

Läänemeri on riimveeline: selle vesi on soolasem kui järvevesi, kuid palju mageam kui ookeanivesi. Ookeani vee soolsus on umbes 35 promilli, Eesti rannikul aga vaid umbes 6 promilli ning Soome lahe idaosas veel vähem. Põhjuseks on see, et jõed, näiteks Neeva, Daugava ja Visla, toovad merre palju magevett, samas kui soolast vett pääseb väinade kaudu sisse vähe. Vee täielik vahetumine võtab aega umbes 25–30 aastat.

Läänemeri on madal: keskmine sügavus on umbes 54 meetrit ja suurim sügavus Rootsi ranniku lähedal 459 meetrit. Talviti jäätuvad lahed ja rannikuvesi, külmadel talvedel ka suur osa merest.

## Elustik

Riimvees elavad nii mere- kui ka mageveeliigid, kuid liike on vähem kui ookeanis. Eesti kalurite tähtsamad saagid on räim ja kilu, püütakse ka lesta ja ahvenat. Läänemeres elavad hallhüljes ja viigerhüljes. Viigerhüljes vajab poegimiseks jääd, seepärast ohustavad teda pehmed ja jäävaesed talved.

## Keskkonnaprobleemid

Läänemere suurim probleem on eutrofeerumine ehk toitainetega üleküllastumine. Põldudelt ja asulatest jõuab merre lämmastikku ja fosforit, mis soodustavad vetikate vohamist. Suviti võib tekkida sinivetikate õitseng. Surnud vetikate lagunemine kulutab hapnikku ja sügavamates kihtides tekivad hapnikuvaesed alad, kus põhjaloomad ei suuda elada. Probleeme tekitavad ka ülepüük, naftareostuse oht ja prügi.

Läänemere kaitseks sõlmisid mereäärsed riigid 1974. aastal Helsingi konventsiooni; koostööd korraldab Helsingi komisjon HELCOM.

## Küsimused

- Miks on Läänemere vesi vähem soolane kui ookeanivesi?
- Miks kerkib Loode-Eesti maapind?
- Mida saab iga inimene teha Läänemere kaitseks?
"""

DOCS["ee/en_informatics_binary_numbers.docx"] = """
# Binary Numbers and How Computers Store Data

Informatics, grade 8 (English-language lesson). Computers store everything – numbers, text, pictures and music – as long sequences of zeros and ones. In this lesson you will learn how the binary number system works and how to convert numbers between decimal and binary.

## Why binary?

Inside a computer, information is stored in tiny electronic switches that can be in one of two states: off or on. It is natural to write these states as 0 and 1. A single 0 or 1 is called a **bit** (short for binary digit). A group of 8 bits is called a **byte**.

## Place values

In the decimal system we use ten digits (0–9), and each place is worth ten times the place to its right: ones, tens, hundreds and so on. The binary system uses only two digits, and each place is worth twice as much as the place to its right:

- 1, 2, 4, 8, 16, 32, 64, 128, ...

For example, the binary number 1011 means 1×8 + 0×4 + 1×2 + 1×1 = 11 in decimal.

## Converting decimal to binary

Method 1: repeated division by 2. Divide the number by 2 and write down the remainder. Repeat with the quotient until you reach 0. Then read the remainders from the bottom up.

Example: 13 → 13 ÷ 2 = 6 r 1, 6 ÷ 2 = 3 r 0, 3 ÷ 2 = 1 r 1, 1 ÷ 2 = 0 r 1. Reading upwards gives 1101, so 13 in decimal is 1101 in binary.

Method 2: subtract powers of two. 13 = 8 + 4 + 1, so we put a 1 in the 8, 4 and 1 places and 0 in the 2 place: 1101.

## How big can a byte be?

With n bits you can write 2ⁿ different values. One byte (8 bits) therefore has 256 possible values, from 00000000 (0) to 11111111 (255). This is why colour channels in digital images often range from 0 to 255.

## Storing text

Letters are stored as numbers using a code table. In the ASCII code, the capital letter A is 65 (binary 01000001) and lower-case a is 97. Modern computers use Unicode, which includes characters from almost all writing systems, such as the Estonian letters õ, ä, ö, ü, š and ž, as well as emoji.

## Units of data

- 1 kilobyte (kB) = 1000 bytes
- 1 megabyte (MB) = 1000 kilobytes
- 1 gigabyte (GB) = 1000 megabytes

Operating systems sometimes use powers of two instead (1 KiB = 1024 bytes), which is why a memory stick may show a slightly smaller size than written on the package.

## Hexadecimal

Long binary numbers are hard to read, so programmers often use base 16 (hexadecimal), with digits 0–9 and A–F. One hexadecimal digit stands for exactly four bits: binary 1111 is F, and the byte 11111111 is FF. Web colours are written this way, for example #FF0000 is pure red.

## Exercises

- Convert to decimal: 10010, 111111.
- Convert to binary: 25, 100.
- How many different values can be stored in 4 bits?

Answers: 18, 63; 11001, 1100100; 16.
"""

# ------------------------------------------------------------ DOCX (global)
DOCS["global/biology_digestive_system.docx"] = """
# The Human Digestive System

Biology, grade 7. The food we eat contains large molecules that our cells cannot use directly. The digestive system breaks food down into small molecules, absorbs them into the blood and removes what the body cannot use.

## Mechanical and chemical digestion

Digestion happens in two ways. Mechanical digestion breaks food into smaller pieces: teeth cut and grind food, and the muscular stomach churns it. Chemical digestion uses enzymes – proteins that speed up chemical reactions – to split large molecules into small ones. Carbohydrates are broken down into simple sugars such as glucose, proteins into amino acids, and fats into fatty acids and glycerol.

## The journey of food

- **Mouth.** Teeth chew the food and saliva moistens it. Saliva contains the enzyme amylase, which begins to digest starch. The tongue shapes the food into a soft ball and pushes it backwards for swallowing.
- **Oesophagus (food pipe).** A muscular tube that carries food to the stomach. Waves of muscle contraction, called peristalsis, push the food along, so you can even swallow while upside down.
- **Stomach.** A stretchy muscular bag. Its lining produces hydrochloric acid, which kills many microbes, and the enzyme pepsin, which starts protein digestion. Food may stay in the stomach for several hours and turns into a thick liquid.
- **Small intestine.** The longest part of the gut, about 6 metres in an adult. Here most chemical digestion is completed and the products are absorbed into the blood.
- **Large intestine.** About 1.5 metres long and wider than the small intestine. It absorbs water and salts from undigested material, and its bacteria produce some vitamins.
- **Rectum and anus.** Solid waste (faeces) is stored in the rectum and leaves the body through the anus.

## Helper organs

The **liver** produces bile, which is stored in the **gall bladder** and released into the small intestine. Bile breaks large fat droplets into tiny ones, giving enzymes a larger surface to work on. The **pancreas** releases a juice full of enzymes that digest carbohydrates, proteins and fats.

## Absorption and villi

The inner wall of the small intestine is covered in millions of tiny finger-like projections called villi. They make the surface area enormous, and each villus has a thin wall and a rich blood supply. Digested nutrients pass through the wall into the blood, which carries them first to the liver and then to the rest of the body.

## Keeping the digestive system healthy

A diet with plenty of fibre from vegetables, fruit and wholegrain bread helps food move through the intestines and prevents constipation. Drinking enough water, eating regularly and washing your hands before meals also help. Food usually takes between one and three days to pass through the whole digestive system.

## Check your understanding

- What is the difference between mechanical and chemical digestion?
- Why is a large surface area important in the small intestine?
- What is the job of bile?
"""

# ---------------------------------------------------------------- PDF (ee)
DOCS["ee/ajalugu_liivi_soda.pdf"] = """
# Liivi sõda (1558–1583)

Ajalugu, 8. klass. Liivi sõda oli pikk ja laastav sõda, milles Venemaa, Rootsi, Taani ning Poola-Leedu võitlesid Vana-Liivimaa alade pärast. Sõja tulemusena lagunes Vana-Liivimaa ja Eesti ala jagunes kolme riigi vahel. Selles õppematerjalis on igal leheküljel eraldi teema.

## 1. Vana-Liivimaa enne sõda

16. sajandi keskel oli Vana-Liivimaa nõrk riikide liit. Sellesse kuulusid Liivi ordu, Riia peapiiskopkond ning Tartu, Saare-Lääne ja Kuramaa piiskopkonnad. Ühist valitsust ja alalist sõjaväge ei olnud ning ordu ja piiskopid tülitsesid omavahel. Reformatsioon oli 1520. aastatel levinud linnadesse, mis nõrgendas veelgi katoliku piiskoppide võimu.

Samal ajal tugevnes idanaaber Moskva riik, mida valitses tsaar Ivan IV, hilisema hüüdnimega Julm. Venemaa soovis pääsu Läänemere äärde ja otsest kaubandust Lääne-Euroopaga. Sõja ettekäändeks sai nn Tartu maks: tsaar nõudis Tartu piiskopkonnalt makse, mida see väidetavalt pidi talle maksma, ja kui maks jäi tasumata, alustas ta sõda.

<<<PAGE>>>
## 2. Sõja algus ja Liivi ordu kokkuvarisemine

1558. aasta jaanuaris tungisid Vene väed Vana-Liivimaale ja rüüstasid maad. Sama aasta mais vallutati Narva ning juulis alistus Tartu. Tartu piiskop Hermann viidi vangina Venemaale. Liivimaa linnused langesid üksteise järel, sest kaitsjaid oli vähe ja palgasõdureid polnud millegi eest palgata.

1560. aastal sai Liivi ordu Härgmäe lahingus raskelt lüüa. Seejärel langes tugev Viljandi ordulinnus ning vangi langes endine ordumeister Wilhelm von Fürstenberg, kes suri Venemaal vangistuses. Samal aastal puhkes Harju- ja Läänemaal talurahva ülestõus mõisnike vastu, kuid see suruti maha.

Talupojad kannatasid sõjas kõige rohkem: külasid põletati, vilja ja loomi rööviti, inimesi tapeti või viidi vangi. Vaenuväed liikusid maal edasi-tagasi kogu sõja vältel.

<<<PAGE>>>
## 3. Vana-Liivimaa jagamine

Kuna Liivimaa ei suutnud end ise kaitsta, otsisid selle valitsejad abi naaberriikidelt.

- 1559. aastal müüs Saare-Lääne piiskop oma valdused Taanile. Saaremaale saabus Taani kuninga vend hertsog Magnus.
- 1561. aastal alistusid Tallinn ning Harju-, Viru- ja Järvamaa rüütelkonnad Rootsi kuningale Erik XIV-le.
- 1561. aastal alistus ordumeister Gotthard Kettler Poola-Leedule. Liivi ordu lõpetas tegevuse ja Kettlerist sai Kuramaa hertsog.

Sellega muutus sõda mitme riigi vaheliseks võitluseks. Ivan IV püüdis mõjuvõimu laiendada, kuulutades hertsog Magnuse 1570. aastal enda vasallist Liivimaa kuningaks. Vene ja Magnuse väed piirasid Tallinna 1570–1571 ja uuesti 1577. aastal, kuid linn pidas vastu.

Sõjas paistis silma ka eestlasest talupoegade väejuht Ivo Schenkenberg, hüüdnimega Hannibal, kes võitles oma salgaga Rootsi poolel Vene vägede vastu.

<<<PAGE>>>
## 4. Sõja lõpp ja tagajärjed

1570. aastate lõpus pöördus sõjaõnn. Poola kuningas Stefan Batory alustas edukat vastupealetungi ning Rootsi väejuht Pontus De la Gardie vallutas 1581. aastal Narva ja teised Põhja-Eesti linnused. Venemaa pidi sõlmima vaherahu: 1582. aastal Poolaga Jam Zapolskis ja 1583. aastal Rootsiga Pljussa jõe ääres.

Tulemusena jagunes Eesti ala kolmeks: Põhja-Eesti kuulus Rootsile, Lõuna-Eesti koos Läti aladega Poola-Leedule ning Saaremaa Taanile. Võitlus Liivimaa pärast jätkus hiljem Rootsi ja Poola vahel.

Sõda oli rahvale katastroof. Sõjategevuse, nälja ja katku tõttu vähenes elanike arv järsult ning paljud talud jäid tühjaks. Ajaloolased nimetavad Liivi sõda seetõttu üheks Eesti ajaloo raskeimaks ajaks.

Tähtis allikas on Tallinna pastori Balthasar Russowi „Liivimaa provintsi kroonika”, mis ilmus 1578. aastal. Russow kirjeldas sõjasündmusi ja kritiseeris Liivimaa aadli lõbutsemist ja hoolimatust, mis tema arvates oli maa hukule viinud.
"""

DOCS["ee/kodanik_riigikogu_pohiseadus.pdf"] = """
# Riigikogu ja Eesti Vabariigi põhiseadus

Ühiskonnaõpetus, 9. klass. Selles õppematerjalis tutvume Eesti riigi alusseadusega ning parlamendi ülesannetega. Iga lehekülg käsitleb eraldi teemat.

## 1. Põhiseadus – riigi alusseadus

Põhiseadus on riigi kõige tähtsam seadus. Kõik teised seadused peavad olema sellega kooskõlas. Praegu kehtiv Eesti Vabariigi põhiseadus võeti vastu rahvahääletusel 28. juunil 1992 ja see jõustus 3. juulil 1992.

Põhiseaduse esimene paragrahv sätestab, et Eesti on iseseisev ja sõltumatu demokraatlik vabariik, kus kõrgeima riigivõimu kandja on rahvas. Rahvas teostab võimu valimistel ja rahvahääletusel.

Põhiseadus koosneb preambulist ja 15 peatükist, milles on kokku 168 paragrahvi. Näiteks II peatükk käsitleb põhiõigusi, vabadusi ja kohustusi, IV peatükk Riigikogu, V peatükk Vabariigi Presidenti, VI peatükk Vabariigi Valitsust ja XIII peatükk kohtuid.

Põhiseadus lähtub võimude lahususe ja tasakaalustatuse põhimõttest: seadusandlik võim kuulub Riigikogule, täidesaatev võim Vabariigi Valitsusele ja õigusemõistmine kohtutele. Nii ei saa ükski institutsioon kogu võimu enda kätte koondada.

<<<PAGE>>>
## 2. Riigikogu ülesanded ja töö

Riigikogu on Eesti parlament ehk rahvaesindus. Riigikogu töötab Tallinnas Toompea lossis. Riigikogu liikmeks võib kandideerida hääleõiguslik Eesti kodanik, kes on vähemalt 21-aastane.

Põhiseaduse järgi Riigikogu muu hulgas:

- võtab vastu seadusi ja otsuseid;
- võtab vastu riigieelarve ja kontrollib selle täitmist;
- ratifitseerib ja denonsseerib välislepinguid;
- valib Vabariigi Presidendi, kui see õnnestub Riigikogus (selleks on vaja kahe kolmandiku koosseisu häält);
- annab peaministrikandidaadile volitused valitsuse moodustamiseks;
- võib avaldada valitsusele või ministrile umbusaldust;
- otsustab rahvahääletuse korraldamise.

Riigikogu tööd juhib esimees koos kahe aseesimehega. Riigikogu liikmed töötavad alatistes komisjonides, näiteks kultuurikomisjonis või rahanduskomisjonis, ning ühe erakonna nimekirjast valitud liikmed moodustavad fraktsiooni.

<<<PAGE>>>
## 3. Kuidas sünnib seadus

Seaduseelnõu võivad Riigikogule esitada Riigikogu liikmed, fraktsioonid, komisjonid ja Vabariigi Valitsus. Enamik eelnõusid saab seaduseks pärast kolme lugemist. Lugemiste vahel arutatakse eelnõu komisjonis ja tehakse muudatusettepanekuid.

Riigikogus vastu võetud seaduse kuulutab välja Vabariigi President. President võib jätta seaduse välja kuulutamata ja saata selle koos põhjendusega Riigikogule uueks arutamiseks. Kui Riigikogu võtab seaduse muutmata kujul uuesti vastu, võib president pöörduda Riigikohtu poole, et see tunnistaks seaduse põhiseadusega vastuolus olevaks. Välja kuulutatud seadused avaldatakse Riigi Teatajas.

Seaduste põhiseadusele vastavust jälgib ka õiguskantsler. Riigikohus asub Tartus ja on ühtlasi põhiseaduslikkuse järelevalve kohus.

Põhiseadust saab muuta rahvahääletusel, Riigikogu kahe järjestikuse koosseisu otsusega või kiireloomulisena Riigikogu kahe kolmandiku häälteenamusega. Põhiseaduse üldsätteid sisaldavat I peatükki ja muutmise korda käsitlevat XV peatükki saab aga muuta ainult rahvahääletusel.

## Arutle

Miks on oluline, et põhiseadust ei saa muuta sama kergesti kui tavalist seadust?
"""

# ------------------------------------------------------------ PDF (global)
DOCS["global/maths_percentages.pdf"] = """
# Percentages

Mathematics, grade 6. Percentages appear in shop sales, test results, interest rates and news reports. This booklet has one topic per page.

## 1. What is a percentage?

Per cent means "out of a hundred". The symbol % stands for one hundredth, so 1% = 1/100 = 0.01. A percentage is therefore just another way of writing a fraction with the denominator 100.

To change a percentage into a decimal, divide by 100: 35% = 0.35, 7% = 0.07, 150% = 1.5.

To change a fraction into a percentage, first write it as a decimal and then multiply by 100: 3/4 = 0.75 = 75%, 1/8 = 0.125 = 12.5%.

Useful facts to remember:

- 50% = 1/2, 25% = 1/4, 75% = 3/4
- 10% = 1/10, 20% = 1/5
- 100% is the whole amount.

Example: In a class of 25 pupils, 9 walk to school. What percentage walk? 9/25 = 36/100 = 36%.

<<<PAGE>>>
## 2. Finding a percentage of an amount

To find a percentage of an amount, change the percentage to a decimal and multiply. 30% of 80 is 0.3 × 80 = 24.

A mental method is to find 10% first (divide by 10) and build up from there. For 15% of 60: 10% is 6, 5% is 3, so 15% is 9.

### Percentage increase and decrease

- A jacket costs 40 euros and the price is reduced by 25%. The reduction is 0.25 × 40 = 10 euros, so the new price is 30 euros. Alternatively, the new price is 75% of the old price: 0.75 × 40 = 30.
- A town has 12 000 inhabitants and the population grows by 5%. The new population is 1.05 × 12 000 = 12 600.

The number we multiply by (0.75 or 1.05 above) is called the multiplier.

<<<PAGE>>>
## 3. Percentage change and reverse problems

To find a percentage change, divide the change by the original amount and multiply by 100:

percentage change = (new value − original value) ÷ original value × 100%

Example: a bus ticket rises from 2.00 to 2.50 euros. The change is 0.50, and 0.50 ÷ 2.00 = 0.25, so the price rose by 25%.

Reverse percentages: after a 20% discount a game costs 36 euros. What was the original price? The sale price is 80% of the original, so original = 36 ÷ 0.8 = 45 euros. A common mistake is to add 20% of 36, which gives the wrong answer 43.20.

Be careful: a 10% increase followed by a 10% decrease does not bring you back to the start. 100 → 110 → 99.

## Exercises

- Write 0.4 and 3/5 as percentages.
- Find 35% of 240.
- A phone costing 300 euros is reduced by 15%. What is the new price?

Answers: 40% and 60%; 84; 255 euros.
"""


# ------------------------------------------------------------------ helpers
def parse(text: str):
    """Yield (kind, text) blocks; kind in h1, h2, h3, bullet, para, page."""
    para: list[str] = []

    def flush():
        if para:
            yield ("para", " ".join(para))
            para.clear()

    for raw in text.strip().splitlines():
        line = raw.rstrip()
        if not line.strip():
            yield from flush()
            continue
        if line.strip() == PAGE:
            yield from flush()
            yield ("page", "")
        elif line.startswith("### "):
            yield from flush()
            yield ("h3", line[4:].strip())
        elif line.startswith("## "):
            yield from flush()
            yield ("h2", line[3:].strip())
        elif line.startswith("# "):
            yield from flush()
            yield ("h1", line[2:].strip())
        elif line.startswith("- "):
            yield from flush()
            yield ("bullet", line[2:].strip())
        else:
            para.append(line.strip())
    yield from flush()


def split_bold(text: str):
    """Split '**bold**' markup into (is_bold, chunk) pieces."""
    parts = text.split("**")
    return [(i % 2 == 1, p) for i, p in enumerate(parts) if p]


def build_docx(rel: str, text: str) -> None:
    from docx import Document
    from docx.enum.text import WD_BREAK

    doc = Document()
    blocks = list(parse(text))
    title = next(t for k, t in blocks if k == "h1")
    cp = doc.core_properties
    cp.title = title
    cp.author = "localtutor authors"
    cp.comments = "Written for the localtutor project. License: CC BY 4.0."
    cp.created = FIXED_DATE.replace(tzinfo=None)
    cp.modified = FIXED_DATE.replace(tzinfo=None)
    cp.last_modified_by = "localtutor authors"
    cp.revision = 1
    for kind, t in blocks:
        if kind == "h1":
            doc.add_heading(t, level=1)
        elif kind == "h2":
            doc.add_heading(t, level=2)
        elif kind == "h3":
            doc.add_heading(t, level=3)
        elif kind == "page":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        else:
            p = doc.add_paragraph(style="List Bullet" if kind == "bullet" else None)
            for bold, chunk in split_bold(t):
                p.add_run(chunk).bold = bold
    out = HERE / rel
    out.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(out))


def _find_font():
    for regular, bold in FONT_CANDIDATES:
        if os.path.exists(regular) and os.path.exists(bold):
            return regular, bold
    return None


def build_pdf(rel: str, text: str) -> str:
    from fpdf import FPDF

    blocks = list(parse(text))
    title = next(t for k, t in blocks if k == "h1")
    font = _find_font()

    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_title(title)
    pdf.set_author("localtutor authors")
    pdf.set_subject("Sample curriculum document, CC BY 4.0")
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(True, margin=20)
    if font:
        pdf.add_font("DejaVu", "", font[0])
        pdf.add_font("DejaVu", "B", font[1])
        family = "DejaVu"

        def clean(s: str) -> str:
            return s
    else:  # Latin-1 core font fallback
        family = "Helvetica"
        table = {"š": "sh", "Š": "Sh", "ž": "zh", "Ž": "Zh", "–": "-", "—": "-",
                 "„": '"', "”": '"', "“": '"', "’": "'", "−": "-", "≈": "~"}

        def clean(s: str) -> str:
            for a, b in table.items():
                s = s.replace(a, b)
            return s.encode("latin-1", "replace").decode("latin-1")

    pdf.add_page()
    for kind, t in blocks:
        t = clean(t.replace("**", ""))
        if kind == "page":
            pdf.add_page()
        elif kind == "h1":
            pdf.set_font(family, "B", 18)
            pdf.multi_cell(0, 9, t, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        elif kind in ("h2", "h3"):
            pdf.ln(2)
            pdf.set_font(family, "B", 14 if kind == "h2" else 12)
            pdf.multi_cell(0, 8, t, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif kind == "bullet":
            pdf.set_font(family, "", 11)
            pdf.set_x(pdf.l_margin + 4)
            pdf.multi_cell(0, 6, "\u2022 " + t if font else "- " + t,
                           new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font(family, "", 11)
            pdf.multi_cell(0, 6, t, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
    out = HERE / rel
    out.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(out))
    return family


def main() -> None:
    for rel, text in DOCS.items():
        if rel.endswith(".docx"):
            build_docx(rel, text)
            print(f"wrote {rel}")
        elif rel.endswith(".pdf"):
            family = build_pdf(rel, text)
            print(f"wrote {rel} (font: {family})")


if __name__ == "__main__":
    main()
