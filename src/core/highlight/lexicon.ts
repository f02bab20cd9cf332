/** Dutch words the highlighter knows: numbers, units, hedges, attribution, media. */

const set = (s: string) => new Set(s.trim().split(/\s*\|\s*/));

const UNITS = '(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen)';
const TEENS = '(?:tien|elf|twaalf|dertien|veertien|vijftien|zestien|zeventien|achttien|negentien)';
const TENS = '(?:twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig)';
const BELOW100 = `(?:${UNITS}(?:en|ën)${TENS}|${TENS}|${TEENS}|${UNITS})`;
const BELOW1000 = `(?:${UNITS}?honderd(?:en)?${BELOW100}?|${BELOW100})`;
const NUMBER_WORD = new RegExp(`^(?:(?:${BELOW1000})?duizend(?:en)?(?:${BELOW1000})?|${BELOW1000}|één|anderhalf|anderhalve|(?:${BELOW1000})?(?:miljoen|miljard))$`);

/** `twee`, `dertien`, `vijfentwintig`, `tweeëntwintig`, `tweeduizend`, `zeshonderd`; not a bare `een`. */
export function isNumberWord(low: string): boolean {
  return low !== 'een' && NUMBER_WORD.test(low);
}

export const SCALES = set('honderd | duizend | miljoen | miljoenen | miljard | miljarden | biljoen | biljoenen | duizenden | honderden');

export const APPROXIMATE = set(
  'tientallen | honderden | duizenden | tienduizenden | honderdduizenden | miljoenen | miljarden | dozijnen | tienduizend',
);

export const FRACTIONS = set('derde | derden | kwart | vierde | vierden | vijfde | vijfden | zesde | achtste | tiende | tienden | honderdste | half | halve');

export const ORDINALS = set(
  'tweede | derde | vierde | vijfde | zesde | zevende | achtste | negende | tiende | elfde | twaalfde | dertiende | veertiende | vijftiende | twintigste | dertigste | honderdste | duizendste',
);

/** Units and counted measures that belong to the figure before them. */
export const UNIT_WORDS = set(`
  procent | procentpunt | procentpunten | % | ‰ | promille | euro | euro's | eurocent | cent | dollar | dollars | pond | yen | frank | roebel | roebels | yuan |
  kilometer | kilometers | km | meter | meters | m | centimeter | cm | millimeter | mm | hectare | ha | are | vierkante | kubieke | m2 | m² | m3 | m³ |
  kilo | kilo's | kg | kilogram | gram | g | ton | tonnen | liter | liters | l | ml | cl |
  seconde | seconden | sec | minuut | minuten | min | uur | uren | dag | dagen | week | weken | maand | maanden | jaar | jaren | eeuw | eeuwen | etmaal |
  graden | graad | °c | ° | megawatt | mw | gigawatt | gw | kilowatt | kw | kwh | kilowattuur | watt | volt | knopen | mijl | mijlen | voet | inch | pk | decibel | db |
  km/u | km/h | vat | vaten | barrel | barrels | zetels | stemmen | punten | doelpunten
`);

/** Units after which `per uur` / `per jaar` still belongs to the figure. */
export const PER_UNITS = set('uur | seconde | minuut | dag | week | maand | jaar | persoon | inwoner | kilo | liter | stuk | hectare');

export const CURRENCY = set('€ | $ | £ | ¥');

/** Hedges that qualify the figure after them; multi-word ones are matched word by word. */
export const HEDGES: string[][] = [
  'ruim', 'bijna', "zo'n", 'zo’n', 'ongeveer', 'zeker', 'circa', 'ca', 'rond', 'rondom', 'omstreeks', 'maximaal', 'minimaal', 'minstens',
  'hooguit', 'pakweg', 'zowat', 'nagenoeg', 'tenminste', 'slechts', 'amper', 'krap', 'liefst', 'grofweg', 'naar schatting',
  'meer dan', 'minder dan', 'ten minste', 'maar liefst', 'tot wel', 'tot zeker', 'nog geen', 'een kleine', 'een ruime', 'een dikke', 'dik', 'goed',
].map((h) => h.split(' '));

export const MONTHS = set('januari | februari | maart | april | mei | juni | juli | augustus | september | oktober | november | december | jan | feb | mrt | apr | jun | jul | aug | sep | sept | okt | nov | dec');

/** Words after which a year-like number is a year, not a count. */
export const YEAR_BEFORE = set('in | sinds | vanaf | sedert | eind | begin | medio | halverwege | voorjaar | zomer | najaar | winter | herfst | lente | jaar | van | uit | t/m | tot | na | voor | rond | per | anno | seizoen');

/** Words before a number that make it part of a name or code (`Radio 1`, `Formule 1`). */
export const NAME_BEFORE_NUMBER = set(`
  radio | npo | formule | windows | iphone | ipad | boeing | airbus | playstation | xbox | lijn | tram | bus | metro | gate | spoor | perron |
  apollo | artemis | covid | sars | fase | code | level | niveau | versie | artikel | hoofdstuk | pagina | blz | nummer | nr | no | groep | poule |
  kanaal | rijksweg | snelweg | afrit | kamer | zaal | hal | terminal | pier | vak | paragraaf | lid | stap | week | ronde | etappe | game | set | wedstrijd | speelronde
`);

/** Function words and verbs that commonly follow a year: `in 2022 werden`, `sinds 2015 is`. */
export const AFTER_YEAR = set(`
  werd | werden | was | waren | is | zijn | had | hadden | heeft | hebben | wordt | worden | kwam | kwamen | ging | gingen | zal | zullen | moet | moeten |
  kan | kunnen | en | of | de | het | een | al | nog | ook | niet | er | hij | zij | ze | we | wij | ik | men | dat | die | dit | deze | in | op | tot | naar |
  bij | met | voor | door | om | aan | uit | over | zou | zouden | stond | stonden | lag | lagen | kreeg | kregen | maakte | won | wonnen | verloor | begon | begonnen
`);

export const PRONOUNS = set('hij | zij | ze | hem | haar | hen | hun | het | men | we | wij | ik | je | jij | u | jullie | dat | dit | die | deze | iemand | niemand | iedereen | velen | sommigen | anderen | zichzelf');

export const DETERMINERS = set('de | het | een | \'s | zijn | haar | hun | diens | dit | deze | die');

/** Heads of noun phrases that name who said something; also matched as the end of a compound (`Rusland-correspondent`, `politiewoordvoerder`). */
export const SOURCE_HEADS = [
  'politie', 'ministerie', 'minister', 'staatssecretaris', 'premier', 'president', 'woordvoerder', 'woordvoerster', 'burgemeester', 'wethouder',
  'directeur', 'directrice', 'topman', 'topvrouw', 'voorzitter', 'correspondent', 'verslaggever', 'verslaggeefster', 'journalist', 'redacteur',
  'onderzoeker', 'onderzoekers', 'deskundige', 'deskundigen', 'expert', 'experts', 'wetenschapper', 'wetenschappers', 'hoogleraar', 'econoom',
  'economen', 'analist', 'analisten', 'arts', 'artsen', 'brandweer', 'gemeente', 'regering', 'kabinet', 'leger', 'krant', 'omroep', 'zender',
  'televisie', 'staatstelevisie', 'staatsmedia', 'persbureau', 'staatspersbureau', 'nieuwsagentschap', 'agentschap', 'bureau', 'instituut',
  'organisatie', 'bond', 'vakbond', 'vereniging', 'bewonersvereniging', 'rechter', 'rechtbank', 'hof', 'justitie', 'hulpdiensten', 'veiligheidsregio',
  'dienst', 'inspectie', 'autoriteit', 'autoriteiten', 'bank', 'centrale', 'bedrijf', 'fabrikant', 'ziekenhuis', 'universiteit', 'school', 'club',
  'trainer', 'coach', 'aanvoerder', 'bondscoach', 'officier', 'advocaat', 'advocaten', 'aanklager', 'partij', 'fractie', 'oppositie', 'kamerlid',
  'kamerleden', 'raad', 'commissie', 'provincie', 'waterschap', 'meteoroloog', 'weerman', 'weervrouw', 'bewoners', 'bewoner', 'getuigen', 'getuige',
  'ooggetuige', 'ooggetuigen', 'betrokkenen', 'ingewijden', 'bronnen', 'bron', 'diplomaten', 'diplomaat', 'functionaris', 'functionarissen',
  'ambtenaren', 'ambtenaar', 'medewerker', 'medewerkers', 'verpleegkundige', 'militairen', 'generaal', 'commandant', 'kremlin', 'witte',
  'rapport', 'onderzoek', 'cijfers', 'gegevens', 'berekeningen', 'schattingen', 'peiling', 'bestuur', 'leiding', 'eigenaar', 'ondernemer',
  'boer', 'boeren', 'visser', 'agent', 'agenten', 'demonstranten', 'actievoerders', 'burgemeesters', 'ministers', 'zegsman', 'zegsvrouw',
  'chirurg', 'huisarts', 'dokter', 'specialist', 'professor', 'psycholoog', 'socioloog', 'historicus', 'jurist', 'politicoloog', 'klimatoloog',
  'epidemioloog', 'viroloog', 'virologen', 'econome', 'fractievoorzitter', 'partijleider', 'lijsttrekker', 'kamervoorzitter', 'officier',
  'luchtmacht', 'marine', 'defensie', 'netbeheerder', 'luchthaven', 'vervoerder', 'fabrikant', 'moskee', 'kerk', 'stichting', 'federatie',
];
const HEAD_SET = new Set(SOURCE_HEADS);
// Compounds end in their head (`buurtbewoner`, `politiewoordvoerder`); short heads would match too much (`voorraad`, `kerkhof`).
const HEAD_SUFFIX = new RegExp(`(?:${SOURCE_HEADS.filter((h) => h.length >= 6 && !['centrale', 'school', 'bedrijf'].includes(h)).join('|')}|commissaris)$`);

export function isSourceHead(low: string): boolean {
  const last = low.replace(/^.*-/, '');
  return HEAD_SET.has(low) || HEAD_SET.has(last) || HEAD_SUFFIX.test(last);
}

/** News agencies and media: each mention is a source. Matched case-sensitively, longest first. */
export const MEDIA = [
  'ANP', 'AFP', 'Reuters', 'AP', 'Associated Press', 'Agence France-Presse', 'TASS', 'Interfax', 'RIA Novosti', 'Kazinform', 'Bloomberg', 'dpa', 'DPA',
  'NOS', 'NOS Radio 1 Journaal', 'NOS Journaal', 'NOS Radio 1', 'Radio 1', 'RTL Nieuws', 'RTL', 'De Telegraaf', 'de Telegraaf', 'Telegraaf', 'de Volkskrant', 'De Volkskrant', 'Volkskrant', 'NRC',
  'NRC Handelsblad', 'Trouw', 'AD', 'Algemeen Dagblad', 'NU.nl', 'Het Parool', 'het Parool', 'Parool', 'Het Financieele Dagblad', 'het Financieele Dagblad', 'FD', 'BNR', 'Nieuwsuur',
  'EenVandaag', 'Omroep West', 'Omroep Brabant', 'Omroep Gelderland', 'Omroep Zeeland', 'Omroep Flevoland', 'RTV Noord', 'RTV Oost', 'RTV Utrecht', 'RTV Drenthe',
  'RTV Rijnmond', 'Rijnmond', 'NH Nieuws', 'L1', 'Omrop Fryslân', 'BBC', 'CNN', 'The New York Times', 'New York Times', 'The Guardian', 'The Washington Post',
  'Washington Post', 'The Wall Street Journal', 'Wall Street Journal', 'Financial Times', 'Le Monde', 'Der Spiegel', 'Spiegel', 'Bild', 'Al Jazeera',
  'Xinhua', 'Anadolu', 'Yonhap', 'Kyodo', 'EFE', 'Belga', 'VRT', 'VRT NWS', 'HLN', 'De Standaard', 'Politico', 'Ukrinform', 'Meduza', 'Novaya Gazeta',
  'ESPN', 'Ziggo Sport', 'Viaplay', 'Eurosport', 'Sporza', 'Voetbal International', 'The Lancet', 'Nature', 'Science', 'Kommersant', 'Haaretz', 'Times of Israel', 'ABC', 'CBS', 'NBC', 'Fox News', 'Sky News', 'ARD', 'ZDF', 'Süddeutsche Zeitung', 'El País', 'Corriere della Sera',
];

/** Institutions whose every mention reports something: statistics, forecasts, official findings. */
export const INSTITUTIONS = [
  'KNMI', 'RIVM', 'CBS', 'CPB', 'DNB', 'De Nederlandsche Bank', 'NVWA', 'ACM', 'AFM', 'Nivel', 'Kadaster', 'Rijkswaterstaat', 'GGD', 'UWV', 'SCP', 'PBL',
  'Eurostat', 'IMF', 'WHO', 'Openbaar Ministerie', 'OM', 'NFI', 'Onderzoeksraad voor Veiligheid', 'Weerplaza', 'Weeronline', 'ANWB', 'ProRail', 'NS',
  'Nibud', 'Sanquin', 'Europol', 'Interpol', 'Amnesty International', 'Human Rights Watch', 'Artsen zonder Grenzen', 'Rode Kruis',
];

/** Verbs of saying after which the speaker follows (`zegt X`) or before which it stands (`X zegt`). */
export const SAY_VERBS = set(`
  zegt | zei | zeggen | zeiden | meldt | meldde | melden | meldden | schrijft | schreef | schrijven | schreven | bevestigt | bevestigde | bevestigen |
  bevestigden | ontkent | ontkende | ontkennen | verklaart | verklaarde | verklaren | verklaarden | waarschuwt | waarschuwde | waarschuwen |
  waarschuwden | verwacht | verwachtte | verwachten | stelt | stelde | stellen | stelden | benadrukt | benadrukte | erkent | erkende | concludeert |
  concludeerde | rapporteert | rapporteerde | bericht | berichtte | berichten | meent | meende | schat | schatte | schatten | noemt | noemde |
  vertelt | vertelde | vertellen | reageert | reageerde | twittert | twitterde | tweette | aldus | laat | liet | lieten | laten | maakt | maakte |
  denkt | dacht | vindt | vond | vinden | vonden | zag | ziet | hoorde | hoort | vernam | kondigt | kondigde | beweert | beweerde | claimt | claimde |
  becijfert | becijferde | becijferen | becijferden | voorspelt | voorspelde | adviseert | adviseerde | eist | eiste | sprak | spreekt | verzekert | verzekerde | onthult | onthulde | bevestigd | gemeld | gezegd
`);

/** Verbs after which what follows is said, not who says it: `X laat weten`, `X maakte bekend`. */
export const SAY_PARTICLES = set('weten | bekend | aan | op');
