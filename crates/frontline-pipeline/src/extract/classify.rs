//! Classify: trigger cues in a clause and the ACLED sub-event type they make.
//!
//! Cues are a table of patterns, one line per kind of wording ("retook",
//! "air strike", "protesters"), found once per sentence. A clause's cues,
//! with who acts on whom, decide its sub-event type by the codebook's
//! priority: battles over remote violence ("clashes accompanied by
//! shelling" is a battle), air strikes over shelling, an abduction with a
//! killing is an attack, protests met with lethal force are excessive force.
//!
//! Filters drop cues that do not report an event: hedged or future wording
//! before the cue ("expected to", "preparing for", "threaten to"), negation
//! ("no clashes", "failed to capture"), and text outside political violence
//! (disasters, accidents, crime, sport, diplomacy) without an armed actor.

use std::sync::LazyLock;

use regex::Regex;

use super::{ends_with_ignoring_case, starts_with_ignoring_case};
use crate::model::SubEventType;

/// A kind of wording that points at an event type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Cue {
    /// Taking a place: "captured", "took control of", "seized".
    Capture,
    /// Taking a place back: "retook", "regained control", "liberated".
    Regain,
    /// Control changing hands without a fight: "handed over", "without a fight".
    Handover,
    /// A side leaving a place: "withdrew from". Weaker than a capture.
    Withdraw,
    /// A short-lived change: "briefly", "for a few hours" (an armed clash).
    Brief,
    Clash,
    Protest,
    /// Rioting: "rioters", "torched", "hurled stones".
    Riot,
    /// A crowd, not an armed group, doing violence: "a mob lynched",
    /// "angry villagers beat", "supporters of two candidates fought".
    Mob,
    /// A crowd broken up: "dispersed", "broke up", "crackdown".
    Intervention,
    /// Crowd-control weapons: "tear gas", "water cannon", "rubber bullets";
    /// they tell of a crowd even where no protest is named.
    CrowdControl,
    Chemical,
    Air,
    Suicide,
    Shelling,
    Explosive,
    Grenade,
    Sexual,
    /// Killing someone: "shot dead", "killed", "opened fire on".
    Kill,
    /// Harm short of killing: "wounded", "beat up", "assaulted".
    Harm,
    /// An assault named by the act, not by what it did to anyone:
    /// "attacked", "raided", "targeted". Its result decides: people taken
    /// away or arrested, and none hurt, make an abduction or an arrest.
    Raid,
    Abduct,
    Agreement,
    Arrest,
    Change,
    Disrupted,
    Base,
    /// Destroying or taking property: "looted", "torched", "set fire to".
    Looting,
    /// A strategic development of no other type: threats and orders to
    /// residents, levies, forced displacement, occupied buildings, releases.
    Other,
    /// A military post or a stretch of a place taken ("took over two
    /// checkpoints", "captured several buildings"): a fight over it is an
    /// armed clash, a handover a transfer.
    Post,
}

/// A count or determiner before people taken or held ("at least 12",
/// "dozens of", "the").
macro_rules! some {
    () => {
        r"(?:(?:at least|more than|about|some|several|dozens of|scores of|an?|the|\d+|two|three|four|five|six|seven|eight|nine|ten) )?"
    };
}

/// People as what is taken, held or freed: singular and plural, and
/// plurals of people's trades and kinds ("engineers", "fishermen",
/// "journalists", "technicians", "migrants").
macro_rules! people {
    () => {
        r"(?:[\w-]+(?:ers|men|ists|ians|ants)|employees|detainees|refugees|people|persons?|civilians?|villagers?|residents?|passengers?|travell?ers?|wom[ae]n|m[ae]n|girls?|boys?|child(?:ren)?|students?|pupils?|school(?:children|girls|boys)|teachers?|workers?|farmers?|herders?|traders?|worshippers?|others|hostages?|nationals?|officials?|priests?|pastors?|imams?|clerics?|monks?|nuns?|nurses?|doctors?|medics?|patients|pilgrims?|shepherds?|vendors?|merchants?|elders?|citizens|bloggers?|lawyers?|judges?|mayors?|councill?ors?|candidates?|politicians?|mps?|lawmakers?|legislators?|deputies|opponents|critics|dissidents?|activists?|journalists?|leaders?|chiefs?|sons?|daughters?|wives|wife|husbands?|famil(?:y|ies)|relatives?)"
    };
}

/// Property whose destruction is a strategic development: buildings,
/// crops and infrastructure, singular and plural.
macro_rules! property {
    () => {
        r"(?:houses?|homes?|huts?|shops?|stores?|property|properties|farmland|crops|fields?|granar(?:y|ies)|wells?|towers?|masts?|antennas?|transmitters?|pylons?|power lines?|transformers?|pipelines?|bridges?|railway (?:lines?|tracks?)|schools?|offices?|polling stations?|church(?:es)?|mosques?|temples?|clinics?|hospitals?|markets?|buildings?|villages?|hamlets?)"
    };
}

/// The cue table: each cue with the wordings that signal it.
const CUES: &[(Cue, &str)] = &[
    (
        Cue::Regain,
        r"\b(?:re-?took|re-?taken|re-?takes?|re-?taking|re-?captur(?:ed|es|e|ing)|regain(?:ed|s|ing)?|liberat(?:ed|es|e|ing|ion)|took back|taken back|takes? back|taking back|won back|wrest(?:ed|ing)? back|reclaim(?:ed|s|ing)?|re-?enter(?:ed|s|ing) (?:the )?(?:(?:[\w-]+ )?(?:towns?|city|villages?|locality|district|area|base|camp|positions?)\b|(?-i:[A-Z])[\w'-]*)|restor(?:e|es|ed|ing) (?:its |their |full |the )?(?:[\w-]+ )?control|restor(?:e|es|ed|ing) (?:its |their |full |the )?(?:[\w-]+ )?authority (?:over|in|to) (?:the )?(?:(?:[\w-]+ )?(?:towns?|city|villages?|district|areas?|region|province|capital)\b|(?-i:[A-Z])[\w'-]*)|re-?occup(?:ied|y|ying) (?:the )?(?:[\w-]+ ){0,2}?(?:towns?|city|villages?|locality|district|area|base|camp|positions?|(?-i:[A-Z])))\b",
    ),
    (
        Cue::Capture,
        r"\b(?:captur(?:ed|es|e|ing)|seiz(?:ed|es|e|ing)|overr(?:an|uns?|unning)|(?:took|taken|take|takes|taking|gained|gain|gains|gaining|assumed|imposed|(?:re-?)?establish(?:ed|es|ing)?|wrested|wrest|wresting|seized) (?:the )?(?:full |complete |total )?control|(?:controlled|controls) (?:the |a |an )?(?:al-|el-)?(?-i:[A-Z])\w*|(?:advanced|advances|advance) and (?:took |taken )?control(?:led)?|(?:took|take|taking|seized) (?:[\w-]+ ){0,2}?(?:checkpoints?|positions?|points?|hills?|villages?|towns?|city|cities)\b|took over|taken over|takes over|taking over|(?:declared|announced|declares|announces) (?:its |their |the )?takeover of (?:the )?(?:towns?|villages?|city|hills?|district|region|base|airport|border crossing) of|overt(?:ook|akes|aken) (?:the |a )?(?:(?-i:[A-Z])|(?:[\w-]+ ){0,2}?(?:villages?|towns?|city|areas?|hills?|positions?|checkpoints?|bases?)\b)|secured (?:the )?(?:towns?|villages?|city) of|declared (?:full |complete )?control (?:over|of)|(?:advanced|managed|able) to control|(?:controlled|controlling|control) (?:over )?(?:the |a |an |one (?:more )?|two |three |several |new |\d+ )?(?:villages?|towns?|city|areas?|hills?|neighbo(?:u)?rhoods?|district|bases?|airbase|airport|crossing|region|positions?|points?|oil ?fields?|sites?|mountains?|farms?)|(?:took|taken|taking|take) (?:it|them) over|(?:took|taken|wrested) it from|cleared (?:of|from)|gained (?:new )?(?:positions|ground)|fell (?:to|into the hands of)|occupied (?:the |a |an )?(?:[\w-]+ ){0,2}?(?:towns?|city|villages?|district|headquarters|airport|base|camp|hills?|areas?|region|port|border crossing)|stormed and (?:captured|took)|dr(?:ove|ives?|iving|iven) (?:[\w'-]+ ){0,3}?out of|drove (?:out|them out)|driving out|driven out|expel(?:led|s|ling)?|ousted|declared? victory (?:in|over|at)|victory (?:in|at)|defeated (?:[\w'-]+ ){1,5}?(?:in|at))\b",
    ),
    (
        Cue::Handover,
        r"\b(?:handed (?:over|control)|handed (?:[\w-]+ ){1,4}?over to|hand(?:ing)? over control|handover of|without (?:a fight|resistance|fighting|clashes|a shot)|without (?:any|much|a single) (?:fight|resistance|fighting|clashes|shot)|(?:entered|walked into|moved into|rolled into|marched into|took|seized|captured) (?:[\w'-]+ ){0,4}?unopposed|surrender(?:ed|s|ing)? (?:the )?(?:city|town|village|base|garrison|province|capital|district)\b|peacefully (?:entered|took)|(?:took|taken|take|taking) (?:it |them |the [\w-]+ )?over peacefully|peaceful (?:handover|takeover|transfer)|transferr(?:ed|ing) (?:[\w-]+ ){0,3}?(?:camp|base|control|positions?|town|city|airport|territory) (?:[\w-]+ ){0,3}?to)",
    ),
    (
        Cue::Withdraw,
        r"\b(?:withdr(?:ew|awn|awal|aws|awing) (?:from|of)|(?:troops|forces|soldiers|fighters|militants|rebels|units|militiamen|contingents?|peacekeepers) (?:[\w-]+ ){0,2}?(?:left|leave|leaves|leaving|quit) (?:the |their |its )?(?:last )?(?:military )?(?:bases?|garrisons?|barracks|positions)\b|pulled out of|abandoned (?:the |their |its )?(?:town|city|village|base|camp|positions?|area) of|vacated (?:the |their |its )?(?:[\w-]+ )?(?:town|city|village|base|camp|positions?|area|barracks)|evacuat(?:ed|ion) (?:of|from) (?:the )?(?:town|city|village|area|base|positions?))",
    ),
    (
        Cue::Brief,
        r"\b(?:briefly|temporarily|partial control|partially|most of|(?:the )?majority of|(?:north|south|east|west)\w* parts? of|parts? of (?:the )?(?:town|city|village)|then lost|lost (?:it|them) again|for (?:a )?few hours|for a short (?:time|period|while)|before (?:[\w-]+ ){1,4}?(?:regain(?:ed)?|retook|recaptured|recover(?:ed)? (?:it|them|control|the (?:town|city|village|area|base|hill|position))|took back)|(?:after|within) (?:a )?few hours|hours later|short-lived|before (?:withdrawing|retreating|being (?:pushed|driven) (?:back|out)))\b",
    ),
    (
        Cue::Clash,
        r"\b(?:clash(?:ed|es|ing)?|fight(?:ing|s)?|fought|battl(?:e|es|ed|ing)|gun ?fights?|fire ?fights?|skirmish(?:ed|es)?|exchang(?:ed|e|es|ing) (?:of |in )?(?:[\w-]+ ){0,3}?(?:fire|shelling|gunfire|targeting|bombardment|shells|rounds|attacks|strikes)|(?:shelling|fire) exchanges?|advanc(?:ed|es|ing) (?:in|into|on|towards?)|destroy(?:ed|ing) (?:[\w'-]+ ){0,3}?(?:tanks?|vehicles?|bmps?|bulldozers?|armou?red \w+|positions?|checkpoints?)|air.defen[cs]es? (?:[\w-]+ ){0,3}?(?:engaged|responded|confronted|fired)|ambush(?:ed|es|ing)?|infiltration|repel(?:led|s|ling)?|repuls(?:ed|e)|counter-?attack(?:ed|s)?|confrontations?|engag(?:ed|ement)s?|hostilities|combat|sniper fire|snipers?|stormed|respond(?:ed|ing) (?:with|by)|in (?:retaliation|response)|retaliat(?:ed|ing)|returned fire|assault(?:ed)? on (?:the )?(?:positions?|base|checkpoint|town|village)|offensive (?:on|against))\b",
    ),
    (
        Cue::Protest,
        r"\b(?:protest(?:s|ed|ers?|ing)?|demonstrat(?:ion|ions|ors?|ed|es|ing)|rall(?:y|ies|ied|ying)|(?-i:march(?:ed|es|ing)?) (?:(?:peacefully|silently|together) )?(?:in|to|through|against|on)|march(?:ed|es|ing)? (?:towards?|into)|marchers|human chains? (?:[^\s.;]+ ){0,10}?(?:calling for|demanding|to (?:demand|protest|denounce|condemn)|in protest|in solidarity|against)|(?:protest )?encampments?|sit-ins?|picket(?:ed|s|ing)?|strikers|peaceful (?:crowds?|gatherings?|marchers|march(?:es)?|assembly)|(?:went|go|gone|are|were) on strike|general strike|hunger strike|vigils?|took to the streets|(?:gathered|assembled|converged|massed) (?:[\w,'-]+ ){0,12}?to (?:demand|denounce|condemn|call for|express|reject|oppose|mourn))\b",
    ),
    (
        Cue::Riot,
        r"\b(?:riot(?:s|ed|ers?|ing)?|hurl(?:ed|s|ing)? (?:stones|rocks|bricks|petrol bombs|molotov)|stoned (?:passing |police |the )?(?:cars|vehicles|police|officers|buses)|burning (?:barricades|tyres|tires)|smash(?:ed|ing) (?:\S+ ){0,4}?(?:windows|windscreens|shop ?fronts|doors)|thr(?:ew|ows?|owing|own) (?:stones|rocks|bricks|petrol bombs|molotov)|pelt(?:ed|s|ing)|molotov|petrol bombs)\b",
    ),
    (
        Cue::Mob,
        r"\b(?:(?:mobs?|crowds?|villagers|residents|locals|youths|supporters|students|worshippers|neighbou?rs|passers-by|community members|(?:hindu|muslim|christian|buddhist)s?)(?: [\w'-]+){0,6}? (?:attack(?:ed)?|beat|killed|lynched|set upon|stormed|assaulted|stoned|pelted|hacked|fought|clashed|chased|set fire to|torched|burned|burnt|ransacked)|mobs?|lynch(?:ed|es|ing)?|vigilantes?|angry (?:crowd|villagers|residents))\b",
    ),
    (
        Cue::Intervention,
        r"\b(?:dispers(?:ed|es|e|ing)|broken? up|forcibly (?:removed|evicted|cleared)|cracked down|crackdown|scatter(?:ed)?|clear(?:ed|ing)? (?:the |an? )?(?:[\w-]+ ){0,2}?(?:protesters|demonstrators|crowds?))\b",
    ),
    (
        Cue::CrowdControl,
        r"\b(?:tear ?gas (?:shells|canisters|grenades|rounds|cartridges)|tear ?gas|water cannons?|rubber bullets|baton(?:s|-charged|-charge)?|pellet guns|pepper spray|stun grenades?|fir(?:ed|ing) (?:shots |live rounds |warning shots )?(?:in)?to the air|warning shots)\b",
    ),
    (
        Cue::Chemical,
        r"\b(?:chemical (?:weapons?|attacks?|agents?|munitions?|bombs?|shells?|gas)|chlorine|sarin|chloropicrin|mustard (?:gas|agent)|nerve (?:agent|gas)|toxic (?:gas|chemicals?|substances?)|poison(?:ous)? gas|riot control agents?|(?:tear ?gas|irritant) munitions|(?:munitions|grenades|shells|bombs|canisters|rounds) (?:filled|loaded|laden|packed|charged) with (?:[\w-]+ ){0,2}?(?:gas|chemicals?|agents?|irritants?)|(?:gas|chemical)-(?:filled|laden) (?:munitions|grenades|shells|bombs|canisters)|drones? (?:[\w-]+ ){0,2}?(?:dropped|drops|dropping|dispersed|released|sprayed) (?:an? |the )?(?:irritant|toxic|poisonous|chemical|cs|asphyxiating|choking) (?:gas|agents?|substances?))\b",
    ),
    (
        Cue::Air,
        r"\b(?:air ?-?strikes?|air ?raids?|warplanes?|war ?planes?|fighter jets?|jets? (?:struck|bombed|hit|targeted|pounded)|(?:military |attack )?helicopters? (?:dropped|struck|fired|bombed|targeted)|helicopter gunships?|barrel bombs?|drones? (?:\w+ly )?(?:strikes?|attacks?|struck|targeted|hit|bombed|fired)|dropp(?:ed|ing) (?:[\w-]+ ){0,2}?(?:explosives?|bombs?|grenades?|munitions?|ordnance|projectiles?) (?:from|by) (?:an? |the |their |its )?(?:[\w-]+ )?(?:drones?|quadcopters?|aircraft|planes?|helicopters?)|(?:unmanned|armed) (?:aerial )?(?:drone|vehicle)s?|aerial (?:bombardment|bombing|attacks?|strikes?)|bombing raids?|bombed by (?:the )?(?:air|jets|planes)|air force (?:struck|bombed|targeted)|(?:aircraft|planes|jets|gunships?) (?:[\w-]+ ){0,2}?(?:\w+ly )?(?:struck|bombed|hit|targeted|raided|attacked|fired|pounded|carried out|dropped)|(?:guided|glide) bombs?|(?:kamikaze|fpv|attack|loitering) drones?|loitering munitions?|drones? (?:dropped|drops|dropping)|dropp(?:ed|ing) (?:[\w-]+ ){0,2}?bombs)\b",
    ),
    (
        Cue::Suicide,
        r"\b(?:suicide (?:bomb(?:er|ers|ing|ings|s)?|attack(?:er|ers|s)?|(?:car|truck) bomb(?:ers?|s|ing)?|vest|belt)|svbieds?|(?:wearing|strapped (?:with|into)|clad in|donning) (?:an? |his |her |their )?explosives? (?:vests?|belts?)|bl(?:ew|ows?|owing|own) (?:himself|herself|themselves) up|(?:explosives?|bomb)-(?:laden|packed|filled|rigged|loaded) (?:[\w-]+ ){0,2}?(?:vehicles?|cars?|trucks?|lorry|lorries|vans?|motorcycles?|motorbikes?)(?: [\w-]+){0,6}? (?:rammed|drove|crashed|smashed|ploughed|plowed) (?:[\w-]+ )?into|(?:rammed|drove|crashed|smashed|ploughed|plowed) (?:an? |the |his |her |their )?(?:explosives?|bomb)-(?:laden|packed|filled|rigged|loaded) (?:[\w-]+ ){0,2}?(?:vehicles?|cars?|trucks?|lorry|lorries|vans?|motorcycles?|motorbikes?) into|self-detonat(?:ed|ion)|detonated (?:his|her|their) (?:explosive )?(?:vest|belt)|set off (?:his|her) (?:explosives?|bomb|vest|belt))\b",
    ),
    (
        Cue::Shelling,
        r"\b(?:shell(?:ed|ing|s)|shell (?:hit|struck|landed|exploded|fell|slammed)|mortars?|artillery|rockets?|missiles?|bombard(?:ed|ments?|ing|s)?|mlrs|grad|howitzers?|projectiles?|katyushas?|ballistic|heavy weapons fire|tank fire)\b",
    ),
    (
        Cue::Explosive,
        r"\b(?:ieds?|improvised explosive|roadside bombs?|land ?mines?|(?:car|motorcycle|truck|vehicle|parcel|sticky|magnetic|remote-controlled|remotely detonated|planted|time|pipe|nail|bicycle) bombs?|vbieds?|explosive (?:device|devices)|booby-?trapped (?:car|vehicle|motorcycle|house|building)|bomb (?:blast|attack|exploded|went off)|(?:explosions?|blasts?) (?:hit|struck|rocked|killed|wounded|injured|targeted|in|at|near)|explod(?:ed|es|e|ing)|detonat(?:ed|es|ing|ion)|went off|goes off|(?:hit|hits|stepped on|steps on|stepping on|trod on|struck|strikes|ran over|runs over|drove over) (?:an? |the )?(?:[\w-]+ )?(?:land ?)?mines?|(?:land ?)?mine (?:blasts?|explosions?)|roadside (?:devices?|explosives?|mines?)|(?:planted|placed|hidden) explosives|(?:bombs?|explosives?|(?:explosive )?devices?|ieds?) (?:planted|placed|hidden|attached|fixed|concealed|strapped|rigged) (?:on|in|under|inside|beneath|near|along|at|to)|(?:bombs?|devices?|ieds?|mines?) (?:blew|blows?|blowing) up|explosives (?:planted|placed|hidden|laid)|unexploded (?:[\w-]+ )?(?:shells?|ordnance|bombs?|munitions?|mortars?|rockets?|missiles?|grenades?))\b",
    ),
    (Cue::Grenade, r"\b(?:grenades?)\b"),
    (
        Cue::Sexual,
        r"\b(?:rap(?:ed|es|ing|e)|gang-?rap\w*|sexual(?:ly)? (?:assault(?:ed)?|violence|abuse(?:d)?|harass\w*)|molest(?:ed|ing))\b",
    ),
    (
        Cue::Kill,
        r"\b(?:kill(?:ed|ing|s)?|shot(?: dead| and killed| and injured| and wounded)?|shoot(?:ing|s)?|gunned down|guns down|gunning down|murder(?:ed|ing|s)?|assassinat(?:ed|es|ions?|e|ing)|execut(?:ed|ion|ions|ing)|behead(?:ed|ing|s)|stabs|stabb(?:ed|ing|ings)|massacre[ds]?|massacring|slaughter(?:ed|ing|s)?|(?:was|were|been|being) slain|butcher(?:ed|ing)|mow(?:ed|n) down|opened (?:[\w-]+ ){0,3}?fire|fired (?:[\w-]+ ){0,2}?(?:at|on|upon|into)|live (?:ammunition|bullets|rounds)|beat(?:en)? (?:[\w-]+ ){0,3}?to death|(?:hacked|clubbed|stoned|bludgeoned|burned|burnt) (?:[\w-]+ ){0,3}?(?:to death|alive)|(?:seriously|severely|critically|gravely) (?:injured|wounded|injuring|wounding)|(?:left|leaving) (?:\S+ ){0,3}?hospitali[sz]ed|died (?:after|from|of) (?:[\w-]+ ){0,3}?(?:beat\w*|wounds|injuries|torture|gunshots?|bullets?)|tortur(?:ed|es|e|ing))\b",
    ),
    (Cue::Harm, r"\b(?:beat(?:en)? up|beat(?:ing)?|beaten|assault(?:ed|ing)|wounded|injured|injuring|wounding)\b"),
    (Cue::Raid, r"\b(?:attack(?:ed|s|ing)?|raid(?:ed|s|ing)?|targeted)\b"),
    (
        Cue::Abduct,
        concat!(
            r"\b(?:abduct(?:ed|ion|ions|s|ing)?|kidnap(?:ped|ping|pings|s)?|taken hostage|took (?:[\w-]+ ){0,6}?hostages?|",
            // Taken away: "led away 20 farmers", "were snatched by", "took them away".
            r"(?:(?:carried|carted) off|(?:led|marched|herded|dragged|took|taken|frog-?marched|spirited|whisked) (?:off|away)|snatch(?:ed|es|ing)?) ",
            some!(),
            r"(?:[\w-]+ ){0,2}?",
            people!(),
            r"\b|(?:was|were|been|being|got|get) snatched|(?:led|marched|dragged|took|taken|herded|whisked|spirited) (?:them|him|her|",
            some!(),
            r"(?:[\w-]+ ){0,2}?",
            people!(),
            r") (?:away|off)\b|",
            // Dragged from a home or forced into a vehicle.
            r"dragg(?:ed|ing) (?:[\w,'-]+ ){1,7}?(?:out of|from) (?:their|his|her|the|a) (?:homes?|houses?|cars?|vehicles?|beds?|shops?|bus|buses|minibus)|",
            r"(?:forc(?:ed|ing)|bundl(?:ed|ing)) (?:[\w,'-]+ ){1,8}?into (?:(?:an?|the|their|its|his|her|waiting|unmarked|several|two) )*(?:[\w-]+ )?(?:vehicles?|cars?|trucks?|vans?|pick-?ups?|boats?|bush|forest)|",
            // Never seen again.
            r"held hostage|hostage-taking|forcibly disappeared|enforced disappearance|whereabouts (?:remain |are |is )?unknown|remain(?:s|ed)? missing|(?:has|have|had) been missing since|(?:has|have|had) (?:not|never) been (?:seen|heard (?:from|of))(?: again)? since|nothing (?:has|had) been heard (?:of|from)|went missing after|picked up by (?:men|unidentified|unknown|masked|armed|security|intelligence|plain-?clothes|soldiers|agents))\b"
        ),
    ),
    (
        Cue::Agreement,
        r"\b(?:ceasefire|cease-fire|truce|peace (?:deal|agreement|accord)|(?:sign(?:ed|s|ing)?|reach(?:ed|es|ing)?|str(?:uck|ikes?|iking)|broker(?:ed|s|ing)?|conclud(?:ed|es|ing)|seal(?:ed|s|ing)?) (?:an?|the) (?:[\w-]+ ){0,2}?(?:agreement|deal|accord|pact)|reach(?:ed|es|ing) (?:an?|the) (?:[\w-]+ )?understanding|(?:agreement|accord|understanding|truce|ceasefire) (?:was|were|has been|had been|have been) (?:reached|signed|brokered|struck|concluded|sealed)|(?:fre(?:ed|es|eing)|releas(?:ed|es|ing)|swap(?:ped|s|ping)?|exchang(?:ed|es|ing)|return(?:ed|s|ing)|hand(?:ed|s|ing) over|handed back) (?:[\w,'-]+ ){1,10}?in exchange for|swap(?:ped|ping)? (?:[\w-]+ ){0,3}?(?:prisoners|detainees|captives|hostages|bodies|pows)|agreed (?:[\w,'-]+ ){0,8}?to (?:(?:exchange|swap|release|free|hand over) (?:all |the |their |its |some |\d+ |[\w-]+ )?(?:[\w-]+ )?(?:prisoners|detainees|hostages|captives|abductees|prisoners of war|pows|bodies|remains)|(?:halt|cease|stop|end) (?:the |all )?(?:fighting|hostilities|attacks|clashes|offensive|military operations|shelling|bombardment)|(?:withdraw|pull back) (?:their |its |all )?(?:forces|troops|fighters|units)|(?:lay down|hand over) (?:their |its )?(?:arms|weapons)|disarm|demobili[sz]e|open (?:a |the )?(?:humanitarian|safe|aid))\b|agreed (?:to|on) (?:a |an |the )?(?:[\w-]+ ){0,3}?(?:pause|ceasefire|cease-fire|truce|deal|exchange|swap|accord|talks|negotiations|dialogue|command)|cessation of hostilities|humanitarian pause|as part of (?:an? |the )?(?:[\w-]+ )?(?:exchange|swap|deal|agreement)|(?:prisoner|hostage|detainee|captive) (?:swap|exchange)s?|exchange of (?:prisoners|detainees|bodies)|exchanged (?:the )?(?:[\w-]+ ){0,2}?(?:bodies|prisoners|detainees|captives)|reconciliation (?:deal|agreement))\b",
    ),
    (
        Cue::Arrest,
        concat!(
            r"\b(?:(?:arrest(?:ed|s|ing)?|detain(?:ed|s|ing)|round(?:ed|s|ing)? up|picked up|took (?:[\w-]+ ){0,5}?into custody)(?: [\w'-]+){0,8}? in (?:[\w-]+ ){0,2}?(?:raids?|operations?|sweeps?)|arrest(?:ed|s|ing)?|detain(?:ed|s|ing)|taken into (?:custody|detention)|took (?:[\w'-]+ ){0,5}?into (?:custody|detention)|placed under arrest|jail(?:ed|s|ing)|imprison(?:ed|s|ing)|lock(?:ed|s|ing)? up (?:[\w-]+ ){0,3}?(?:",
            people!(),
            r")|put (?:[\w-]+ ){0,4}?behind bars|remanded (?:[\w-]+ ){0,2}?in custody|picked up (?:",
            some!(),
            r"(?:[\w-]+ ){0,2}?",
            people!(),
            r")|apprehend(?:ed|s|ing)?|nab(?:bed|s|bing)?|picked up (?:[\w-]+ ){0,4}?(?:suspected|accused) of|round(?:ed|s|ing)? up|raid(?:ed)? (?:and|to) (?:arrest|detain)|(?:police(?:men)?|officers|agents|soldiers|troops|forces|authorities|gendarmes|intelligence|counter-?intelligence) (?:held|holds|holding) (?:(?:at least|more than|about|two|three|four|five|six|several|some|\d+) )?(?:[\w'-]+ ){0,3}?(?:",
            people!(),
            r"|members|staff|staffers|officials?|suspects?|demonstrators|opponents|critics|youths?)|(?:was|were) held by (?:the )?(?:police|security|intelligence|soldiers|troops|agents|officers))\b"
        ),
    ),
    (
        Cue::Change,
        r"\b(?:defect(?:ed|ing|ion|ions|s)|merg(?:ed|er|es|e|ing) (?:with|into)|(?:announc|declar|proclaim|confirm)(?:ed|es|e|ing) (?:the |its |their |his |an? )?(?:[\w-]+ )?(?:formation|dissolution|creation|merger|integration|unification|alliance)|(?:form(?:ed|s|ing)?|creat(?:ed|es|ing)|establish(?:ed|es|ing)) (?:an? |the |a new )?(?:[\w-]+ )?(?:alliance|joint (?:military )?command|joint operations room|military council|united front)|integrat(?:ed|ion|ing|e|es) (?:[\w-]+ ){0,4}?into (?:the )?(?:[\w-]+ ){0,3}?(?:army|ministry|armed forces|security forces|police|national)|(?:replac(?:ed|es|ing)|sack(?:ed|s|ing)|dismiss(?:ed|es|ing)|appoint(?:ed|s|ing)|nam(?:ed|es|ing)|install(?:ed|s|ing)) (?:its|their) (?:new )?(?:[\w-]+ ){0,2}?(?:leader|chief|commander|emir|governor|head|spokes(?:man|person)|wali)\b|(?:pledg(?:ed|es|e|ing)|sw(?:ore|ears?|earing|orn)) (?:its |their |his )?(?:allegiance|loyalty)|(?:unilateral |temporary )?(?:pause|suspension|halt) (?:of|in) (?:all |its |their |the )?(?:(?:armed|military|offensive|combat) )?(?:operations|activities|attacks)|(?:appoint(?:ed|ment of)|named|elected|chose|installed) (?:a |its |their )?new (?:leader|chief|commander|emir|spokes(?:man|person)|head)|new (?:leader|emir|chief|commander)|split (?:from|with)|broke away|splinter(?:ed)?|renam(?:ed|ing)|rebrand(?:ed|ing)?|demobili[sz](?:ed|ing|ation|e)|(?:end(?:ed|s)?|ending|suspend(?:ed|s)?|call(?:ed)? off|abandon(?:ed)?) (?:of )?(?:its |the |their )?(?:unilateral )?(?:ceasefire|truce)|(?:suspend(?:ed|s|ing)?|halt(?:ed|s|ing)?|pause[ds]?|pausing) (?:all |its |their )?(?:(?:armed|military|offensive|combat) (?:operations|activities|struggle)|attacks)|disband(?:ed|s|ing|ment)?|dissolv(?:ed|es|e|ing)|curfew|state of emergency|(?:sent|deploy(?:ed|s|ing)|dispatch(?:ed|es|ing)|brought in) (?:\w+ ){0,3}?(?:reinforcements|troops|forces|units|reservists|soldiers|battalions?|contingents?|personnel|police(?:men)?|police officers|officers|peacekeepers|gendarmes|marines|paratroopers|commandos)|relocat(?:ed|ing) (?:their|its|his) (?:units|forces|troops|fighters|headquarters|bases?)|surrender(?:ed)? (?:their|its|his) (?:weapons|arms)|laid down (?:their|its|his) (?:weapons|arms)|reinforcements|recruit(?:ed|ing|ment)|reorgani[sz]ed (?:as|into)|redeploy(?:ed|s|ment of)|(?:was|were) replaced (?:by|with)|surrender(?:ed|s|ing)? to (?:the )?(?:army|military|troops|police|authorities|security forces|government)|withdr(?:ew|awal) from (?:the )?(?:joint|unified|national|peace|ruling) (?:[\w-]+ ){0,2}?(?:force|forces|coalition|alliance|government|council|process))\b",
    ),
    (
        Cue::Disrupted,
        r"\b(?:defus(?:ed|es|e|ing)|(?:deactivat|disarm|neutrali[sz])(?:ed|es|e|ing) (?:[\w,'-]+ ){0,6}?(?:bombs?|explosives?|devices?|ieds?|mines?|grenades?|shells?)\b|dismantl(?:ed|ing) (?:an? |the )?(?:ied|bomb|explosive|device|mine)|(?:seized|found|discovered|uncovered|recovered) (?:\S+ ){0,6}?(?:weapons|arms|ammunition|explosives|explosive devices?|ieds?|cache)|(?:destroyed|cleared|removed|neutrali[sz]ed|defused) (?:[\w-]+ ){0,3}?(?:minefields?|(?:land ?)?mines|ieds?|explosives|explosive devices?|bombs?)|(?:weapons|arms) cache|foil(?:ed|s|ing)|thwart(?:ed|s|ing)|intercept(?:ed|s)|shot down|(?:downed|destroyed) (?:[\w-]+ ){0,5}?(?:drones?|aircraft|planes?|helicopters?|missiles?|rockets?)|bomb disposal|safely detonated|controlled explosion|would-be (?:suicide )?bombers?)\b",
    ),
    (
        Cue::Base,
        r"\b(?:(?:establish(?:ed|es|ing)?|set(?:s|ting)? up|buil(?:[dt]|ds|ding)|open(?:ed|s|ing)?|install(?:ed|s|ing)?|erect(?:ed|s|ing)?|construct(?:ed|s|ing)?) (?:a |an |the |its |their |new |several |two |three )?(?:[\w-]+ ){0,2}?(?:bases?|headquarters|outposts?|checkpoints?|camps?|posts?|positions?|barracks|garrisons?|command (?:centres?|centers?|posts?)|bunkers?)|(?:turn(?:ed|s|ing)?|convert(?:ed|s|ing)?|transform(?:ed|s|ing)?) (?:[\w'-]+ ){1,6}?into (?:an? |the |their |its )?(?:[\w-]+ ){0,2}?(?:bases?|headquarters|camps?|outposts?|garrisons?|barracks|command (?:centres?|centers?|posts?)|military (?:positions?|posts?))|(?:mov(?:ed|es|ing)|relocat(?:ed|es|ing)|transferr(?:ed|ing)|shift(?:ed|s|ing)) (?:its|their) (?:[\w-]+ ){0,2}?(?:headquarters|command|bases?) to)\b",
    ),
    (
        Cue::Looting,
        concat!(
            r"\b(?:loot(?:ed|ing|s|ers?)?|plunder(?:ed|ing|s)?|ransack(?:ed|ing|s)?|pillag(?:ed|es|ing)|torch(?:ed|es|ing)|set (?:[\w-]+ ){0,5}?(?:on fire|ablaze|alight)|(?:uproot(?:ed|s|ing)|chopped down|cut down|felled|sawed off|burn(?:ed|t)) (?:[\w-]+ ){0,4}?(?:trees|saplings|orchards?|olive groves?|vines|vineyards|crops|harvests?)|(?:set|sets|setting) fire to|vandali[sz](?:ed|es|ing)|burn(?:ed|t|ing|s) down|demolish(?:ed|es|ing)|demolition of|bulldoz(?:ed|es|ing)|",
            r"(?:destroy(?:ed|s|ing)|burn(?:ed|t)|bl(?:ew|ows?|owing|own) (?:up|apart)|raz(?:ed|es|ing)) (?:[\w-]+ ){0,2}?",
            property!(),
            r")\b"
        ),
    ),
    (
        Cue::Other,
        r"\b(?:(?:impos|enforc|declar|maintain|tighten)(?:ed|es|e|s|ing)? (?:a |an |the |its |their )?(?:[\w-]+ ){0,2}?(?:blockade|siege|confinement)|blockad(?:ed|es|ing)|(?:found|discover(?:ed|s|ing)|uncover(?:ed|s|ing)|unearth(?:ed|s|ing)|exhum(?:ed|es|ing)) (?:[\w-]+ ){0,3}?mass (?:graves?|burial (?:sites?|grounds?|pits?))|mass (?:graves?|burial (?:sites?|grounds?|pits?)) (?:was|were|has been|have been|had been) (?:found|discovered|uncovered|unearthed|exhumed)|forcibly (?:displaced|evicted|relocated|deported|transferred|expelled)|pay (?:a |the )?(?:levy|levies|tax|taxes|zakat)|order(?:ed|ing) (?:all |the )?(?:residents|villagers|traders|people|civilians|families|inhabitants|them|farmers|herders|teachers|women|shopkeepers|merchants) (?:\S+ ){0,8}?to (?:leave|pay|close|evacuate|stop|hand|vacate|abandon)|(?:imposed|levied|collect(?:ed|ing)) (?:a |new )?(?:[\w-]+ ){0,2}?(?:tax(?:es)?|levy|levies|zakat)|(?:leaflets|night letters|threatening (?:letters|messages))|forced (?:[\w-]+ ){0,3}?(?:villagers|residents|civilians|families|people|inhabitants|farmers|traders) (?:(?:in|of|from) [\w-]+ )?(?:to (?:leave|flee|hand|pay)|from their homes)|suspended the constitution|dissolved (?:the )?(?:government|parliament|national assembly|legislature)|(?:releas(?:ed|es|ing)|fre(?:ed|es|eing)|set free|handed back) (?:\d+ |the |all |two |three |several )?(?:[\w-]+ ){0,3}?(?:hostages|captives|detainees|prisoners|abductees|workers|journalists|activists|civilians|soldiers|fighters|students|fishermen)|return(?:ed|s|ing) (?:\d+ |the |all |two |three |several )?(?:[\w-]+ ){0,3}?(?:hostages|captives|detainees|prisoners|abductees)|occupied (?:a |the )?(?:[\w-]+ ){0,2}?(?:school|house|houses|home|homes|building|farm|land|church|mosque|hospital|offices?|monaster(?:y|ies)|temples?|clinic)|(?:took|taken) over (?:a |the )?(?:[\w-]+ ){0,2}?(?:house|homes?|building|farm|land|school)|armed strike|(?:gunmen|armed men|fighters|militants|militiamen|insurgents|rebels|jihadists|bandits|soldiers|troops)(?: [\w-]+){0,4}? (?:was|were) (?:seen|spotted|sighted|observed) (?:patrolling|roaming|massing|gathering|moving|deploying)|confiscat(?:ed|ing) (?:the |their )?(?:[\w-]+ ){0,3}?(?:land|farmland|farms|homes|houses|property|properties|livestock|cattle|harvests?))\b",
    ),
];

/// Number of cue patterns.
pub(crate) const PATTERNS: usize = CUES.len();

/// The cue patterns, for the rule prefilter ([`crate::rule_candidates`]).
pub(crate) fn patterns() -> impl Iterator<Item = &'static str> {
    CUES.iter().map(|(_, p)| *p)
}

/// The filter patterns the rule prefilter marks too (bit `i` for
/// `FILTERS[i]`, in [`crate::RuleCandidates::filters`]): a filter whose
/// literals a sentence lacks matches no part of it, so its regex need not
/// run on the sentence or on any stretch of it.
pub(crate) const FILTERS: [&str; 9] = [
    HEDGE_PATTERN,
    ATTRIBUTION_PATTERN,
    CLAIM_PATTERN,
    TOLD_EARLIER_PATTERN,
    CRIME_PATTERN,
    NON_POLITICAL_PATTERN,
    PERFECT_PATTERN,
    CAPTURE_BEFORE_PATTERN,
    COMMENTED_ON_HEAD,
];

/// Bits of [`FILTERS`].
const HEDGE_BIT: u64 = 1;
const ATTRIBUTION_BIT: u64 = 1 << 1;
const CLAIM_BIT: u64 = 1 << 2;
const TOLD_EARLIER_BIT: u64 = 1 << 3;
const CRIME_BIT: u64 = 1 << 4;
const NON_POLITICAL_BIT: u64 = 1 << 5;
const PERFECT_BIT: u64 = 1 << 6;
const CAPTURE_BEFORE_BIT: u64 = 1 << 7;
const COMMENTED_ON_BIT: u64 = 1 << 8;
static CUE_RES: LazyLock<Vec<regex_automata::meta::Regex>> =
    LazyLock::new(|| CUES.iter().map(|(_, p)| crate::rule_meta_regex(&format!("(?i){p}"))).collect());

/// Wording before a cue that makes it hedged, future or wished for.
static HEDGE: LazyLock<Regex> = LazyLock::new(|| crate::rule_regex(HEDGE_PATTERN));
const HEDGE_PATTERN: &str = r"(?i)\b(?:will|would|could|might|(?-i:may)|shall|must|should|ought to|appear(?:s|ed)? to|seem(?:s|ed)? to|expect(?:s|ed|ing)?|plan(?:s|ned|ning)?|prepar(?:e|es|ed|ing)|threat(?:en|ens|ened|ening)?|vow(?:s|ed)?|warn(?:s|ed|ing)?|likely|possibl[ey]|aim(?:s|ed|ing)?|intend(?:s|ed)?|whether|conflicting reports|reports conflicted|unconfirmed|try|tries|trying|tried|seek(?:s|ing)?|sought|ready to|poised to|set to|about to|fear(?:s|ed)?|risk(?:s)?|urg(?:e|es|ed)|call(?:s|ed)? for|if|unless|den(?:y|ies|ied)|rumou?r(?:s|ed)?|hop(?:e|es|ed)|want(?:s|ed)?|order(?:s|ed)? to|in order to|to prevent|to avoid|would-be|potential|worr(?:y|ies|ied)|capable of|able to mount)\b";

/// What follows "captured"/"seized" when people or equipment, not a place,
/// are taken, also after a second act on them ("seized and burned two
/// trucks").
static SEIZED_OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)^\s+(?:and [a-z]+(?:ing|ed) )?(?:(?:at least|more than|about|around|nearly) )?(?:an? |the |two |three |four |five |several |some |\d+ )?(?:[\w'’-]+ ){0,4}?(?:fighters?|soldiers?|troops|members?|commanders?|officers?|militants?|elements|m[ae]n|wom[ae]n|bod(?:y|ies)|corpses?|people|civilians?|persons?|individuals?|prisoners?|passengers|travell?ers|workers|nationals|tourists|employees|engineers|(?:fisher|herds|tribes|business|sales|crafts|towns|clans)m[ae]n|journalists|missionaries|priests|contractors|miners|students|pupils|girls|women|children|villagers|hostages|farmers|herders|traders|teachers|worshippers|staff|crew|tanks?|vehicles?|weapons?|ammunition|rifles?|guns?|cars?|trucks?|drones?|emirs?|leaders?|others|captives|personnel|officials?|attackers|assailants|gunmen|militiamen|pilots?|cells?|launchers?|vbieds?|bmps?|kalashnikovs|armaments|armou?rs?|ministers?|governors?|mayors?|deputy|deputies|chiefs?|administrators?|prefects?|judges?|councill?ors?|candidates?|politicians?|lawmakers?|envoys?|diplomats?|elders?|doctors?|nurses?|quantity|equipment|munitions|rockets?|shells|explosives|grenades|mines|missiles?)\b|^\s+and (?:kill(?:ed)?|execut(?:ed|e)|tortur(?:ed|e))\b|^\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several) (?:others?\b|in addition\b|and\b|of (?:them|their|the)\b)|^\s+of (?:the |other |an? |\d+ )?(?:[\w-]+ ){0,2}?(?:fighters?|soldiers?|members?|attackers|gunmen|militants?|personnel|officers?)\b",
    )
});

/// Nouns of a military post, whose capture in a fight is an armed clash,
/// not a change of territory ("took two checkpoints", "captured rebel
/// positions"). The actor module's `OWNED_PLACES` is another list: what a
/// name right before it owns ("an army base", "a police checkpoint").
const MILITARY_POSTS: &[&str] = &["checkpoint", "checkpoints", "position", "positions", "point", "points"];

/// What follows a capture when a military post ([`MILITARY_POSTS`], or a
/// "check point"), not a location, is taken ("took control of two
/// checkpoints", "captured rebel positions"): ACLED records a change of
/// territory for a location, and a post taken in a fight as an armed clash.
static MILITARY_POST: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(&format!(
        r"(?i)^\s+(?:(?:full |complete )?control )?(?:(?:of|over) )?(?:the |a |an |its |their |two |three |four |several |some |new |\d+ )?(?:[\w'-]+ ){{0,3}}?(?:{}|check ?points?)\b",
        MILITARY_POSTS.join("|")
    ))
});

/// What follows a capture when no location is named but some stretch of
/// one or buildings in it ("captured several areas", "took control of six
/// houses", "held the market street"): a part of a place taken in a fight
/// is an armed clash (farmland around a place is territory).
static VAGUE_PART: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)^\s+(?:(?:full |complete )?control )?(?:(?:of|over|on) )?(?:the )?(?:(?:several|many|some|new|more|few|\d+|two|three|four|five|six|ten) (?:[\w'-]+ ){0,2}?areas\b|(?:a|several|some|new|more|few|\d+|two|three|four|five|six|ten) (?:[\w'-]+ ){0,2}?(?:buildings?|houses)\b|(?:[\w'-]+ ){0,3}?(?:streets?|blocks?)\b)",
    )
});

/// Words for people or equipment as the subject of a passive capture ("two
/// soldiers were captured", "vehicles were seized", "the soldiers who were
/// captured"): what is taken is not a place. At most one word between, so
/// people named earlier in the clause ("the town where IS fighters were
/// based was captured") are not what is taken; or an "of" phrase ("15
/// fighters of HTS were captured", "an emir of a Tunisian nationality").
/// A bare count is people too ("12 were killed and 4 captured", "20-25
/// were captured", "while 9 were captured") when it opens a clause, not
/// inside a unit's name ("Regiment 41 captured"): a count of places names
/// them ("two villages were captured").
static TAKEN_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)(?:^|[,(]\s*|\b(?:and|while|whereas)\s+)(?:(?:at least|some|about|around|nearly) )?(?:\d{1,3}(?:-\d{1,3})?|two|three|four|five|six|seven|eight|nine|ten|several|dozens|tens|scores) (?:(?:were|was|been) )?$|\b(?:fighters?|soldiers?|troops|members?|commanders?|officers?|militants?|militiamen|m[ae]n|emirs?|leaders?|governors?|mayors?|officials?|others|another|personnel|attackers|people|civilians|pilots?|tanks?|vehicles?|weapons|rifles|kalashnikovs|armaments|arms|rockets|missiles|mortars|grenades|explosives|shells|rounds|ammunition|equipment|munitions|bmps?)(?: [\w'-]+| of(?: [\w'-]+){1,3})? (?:was|were|been|being|be) (?:[a-z]+ )?$",
    )
});

/// What follows a military post taken together with a village or town
/// ("the Sarmin checkpoint and the village of Afes", "the checkpoint and
/// Afes village"): a location is taken too.
static AND_TOWN: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)^,?\s+and\s+(?:the\s+)?(?:(?:nearby|adjacent|neighbou?ring)\s+)?(?:villages?|towns?|city)(?:\s|,|\.|$)|^,?\s+and\s+(?-i:[A-Z])[\w'-]*(?:\s+[\w'-]+){0,2}?\s+(?:villages?|town|city)(?:\s|,|\.|$)",
    )
});

/// The words between a capture and a part of a place it takes ("captured
/// the majority of", "took control of most of", "captured the southern
/// parts of", "control large parts of").
static PART_AFTER_CAPTURE: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)^\s+(?:(?:of|over)\s+)?(?:(?:the|large|significant|big|vast|wide|great|some|several)\s+)?(?:(?:north|south|east|west)\w*(?:,|\s+and|\s+or)?\s+)*$",
    )
});

/// The words between a part of a place and the passive capture it is the
/// subject of ("most of the town was captured"); after "fell to", the
/// words of the place alone ("most of the town fell to").
static PART_BEFORE_CAPTURE: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(r"(?i)^\s*(?:[\w'-]+\s+){0,4}?((?:was|were|has been|have been|had been)\s+(?:[a-z]+\s+)?)?$")
});

/// Negation right before a cue.
static NEGATION: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:no|not|never|without|neither|nor|didn't|did not|failed to|fail to|no longer|denied)\b(?:\s+\S+){0,2}\s*$",
    )
});

/// Text about disasters, accidents, sport or diplomacy: outside political
/// violence and demonstrations (a fire that destroys is an accident unless
/// an arson is told before it: [`ARSON_BEFORE`]).
static NON_POLITICAL: LazyLock<Regex> = LazyLock::new(|| crate::rule_regex(NON_POLITICAL_PATTERN));

/// A match of [`NON_POLITICAL_PATTERN`] that is a fire destroying
/// something ("the flames destroyed 40 shops").
static FLAMES: LazyLock<Regex> = LazyLock::new(|| crate::rule_regex(r"(?i)^(?:(?:a|the) )?(?:fire|blaze|flames)\b"));

/// An arson told before a fire ("set fire to the market, and the flames
/// destroyed …"): the fire is the attack's, not an accident.
static ARSON_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:set (?:[\w'-]+ ){0,4}?(?:on fire|fire|ablaze|alight)|torch(?:ed|es|ing)|arson\w*|fire-?bomb\w*|petrol bombs?|molotov)",
    )
});
const NON_POLITICAL_PATTERN: &str = r"(?i)\b(?:earthquakes?|floods?|flooding|flash floods|mudslides?|heavy rains?|torrential rains?|storms?|cyclones?|hurricanes?|typhoons?|landslides?|tsunami|wildfires?|drought|heatwave|volcan\w+|plane crash(?:ed|es)?|crash(?:ed|es)? into|road accident|traffic accident|car accident|accident(?:ally)?|collision|collided|derail(?:ed|ment)|capsiz(?:ed|es)|plunged into|stampede|fire broke out|(?:a |the )?(?:fire|blaze|flames) (?:destroyed|gutted|swept through|ravaged)|(?:a |the )?(?:fire|blaze|explosion|blast) (?:at|in) (?:a |an |the )?(?:[\w-]+ ){0,2}?(?:factory|plant|warehouse|mine|refinery|workshop|facility|depot|market)|(?:boats?|ferry|ferries|ships?|vessels?|canoes?|dhows?|barges?|pirogues?)(?: [\w,-]+){0,6}? (?:sank|sinks|has sunk|had sunk)\b|shipwreck|drown(?:ed|ing)|(?:fuel|oil|petrol|gas) (?:tanker|truck|depot|pipeline|station)|gas (?:leak|explosion|cylinder)|cylinder blast|boiler|dam (?:burst|collapse|failure)|building collapse|collapsed|caved in|cave-in|gave way|suicide note|committed suicide|took (?:his|her) own life|(?:beat|beats|beating|won|wins|winning|lost|loses|losing|drew|draws|thrashed|trounced|hammered|edged|routed|crushed|defeated|slaughtered|butchered) (?:[\w'-]+ ){0,3}?\d{1,2}-\d{1,2}\b|\d{1,2}-\d{1,2} (?:win|victory|defeat|draw|loss|lead|scoreline)|tournament|championship|league|football|cricket|olympic\w*|summit|(?:held|holds|hold) talks|bilateral (?:talks|relations|ties|trade|visit|meeting)|diplomats?|diplomacy|diplomatic (?:talks|efforts?|push|row|spat|relations|ties|channels?|solution|initiative|pressure|visit|mission|meeting|engagement|breakthrough|crisis)|ambassador|foreign minister|state visit|met with|domestic dispute|family dispute|honou?r killing)\b";

/// Crime for gain, outside political violence unless a crowd takes the law
/// into its own hands ("villagers lynched a suspected thief").
static CRIME: LazyLock<Regex> = LazyLock::new(|| crate::rule_regex(CRIME_PATTERN));
const CRIME_PATTERN: &str = r"(?i)\b(?:robber(?:y|ies|s)?|robbed|thie(?:f|ves)|theft|stole|burglar\w*|drugs?|narcotics|cocaine|heroin|methamphetamine|cannabis|fentanyl|smuggl\w*|traffick\w*|contraband|customs (?:officials|officers|agents|authorities)|fraud|scam|money laundering|counterfeit\w*|forger(?:y|ies)|extortion)\b";

/// Wording before a cue that makes it a claim of, or an accusation about,
/// an attack told elsewhere ("claimed responsibility for the attack").
/// A bare claim ("IS claimed to have killed 5 soldiers") still reports
/// the event, as ACLED codes it.
static ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| crate::rule_regex(ATTRIBUTION_PATTERN));
const ATTRIBUTION_PATTERN: &str = r"(?i)\b(?:claim(?:ed|s|ing)? (?:responsibility|credit)|took responsibility|(?:was|were|is|are) (?:behind|responsible for)|blam(?:ed|es|ing) (?:[\w'-]+ ){1,6}?for|accus(?:ed|es|ing) (?:[\w'-]+ ){1,6}?of (?:carrying out|being behind|staging|perpetrating|orchestrating|masterminding)|den(?:ied|ies|y) (?:any )?(?:involvement|responsibility))\b";

/// An accusation right before a cue: "whom they accuse of abducting", "is
/// accused of kidnapping and killing" — what someone is blamed for.
static ACCUSED_OF: LazyLock<Regex> =
    LazyLock::new(|| crate::rule_regex(r"(?i)\baccus(?:e|ed|es|ing) (?:\S+ ){0,6}?of (?:\S+ (?:and|or) )?$"));

/// A claim of an attack ("claimed the attack") that the sentence dates
/// before the report ("last week", "Sunday's"): a claim, not the news.
static CLAIM: LazyLock<Regex> = LazyLock::new(|| crate::rule_regex(CLAIM_PATTERN));
/// A claim whose object is the cue ("claimed the attack on", "claimed
/// Sunday's bombing"): a claim of responsibility, not the event's report.
static CLAIMED_CUE: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\bclaim(?:ed|s|ing)? (?:(?:the|an?|this|its|their|last|twin|double|deadly|recent|rocket|mortar|missile|drone|grenade|bomb|car|suicide|[\w-]+'s) )+$",
    )
});
const CLAIM_PATTERN: &str = r"(?i)\bclaim(?:ed|s|ing)?\b";
static TOLD_EARLIER: LazyLock<Regex> = LazyLock::new(|| crate::rule_regex(TOLD_EARLIER_PATTERN));
const TOLD_EARLIER_PATTERN: &str = r"(?i)\b(?:last (?:week|month|year|night)|(?:the )?(?:previous|preceding) (?:day|week|month)|earlier (?:this|in the) (?:week|month)|yesterday's|(?:mon|tues|wednes|thurs|fri|satur|sun)day's|the day before)\b";

/// A killing wording that names a weapon or crowd control, not a killing
/// ("fired mortars at", "fired tear gas at"): the weapon's own cue decides.
static FIRED_WEAPON: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:mortars?|rockets?|missiles?|shells?|artillery|grenades?|drones?|tear|gas|water|rubber|warning|pellets?|canisters?|smoke|flares?|air)\b",
    )
});

/// The suicide wording of an explosive vest or belt worn, not set off.
static WORN: LazyLock<Regex> = LazyLock::new(|| crate::rule_regex(r"(?i)^(?:wearing|strapped|clad|donning)\b"));

/// Wording of a bomber stopped before the blast: arrested, held, foiled.
static STOPPED: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:arrest(?:ed|ing)?|detain(?:ed|ing)|apprehend(?:ed|ing)?|intercept(?:ed|ing)|foil(?:ed|ing)|thwart(?:ed|ing)|defus(?:ed|ing)|overpower(?:ed|ing)|caught|captured|taken into custody|in custody)\b",
    )
});

/// A cue found in a sentence: its kind and byte range in the cleaned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub cue: Cue,
    pub start: usize,
    pub end: usize,
}

/// The cues of one sentence (`text` starts at byte `base` of the clean text),
/// after the hedge and negation filters, in order.
pub fn cues(text: &str, base: usize) -> Vec<Found> {
    cues_among(text, base, crate::rule_candidates_in(text), None)
}

/// [`cues`], trying only the cue patterns of `rules.cues` (bit `i` for
/// `CUES[i]`) and the filters of `rules.filters` (from
/// [`crate::rule_candidates`]); with the sentence's run of
/// [`crate::PrefixStarts`] (offsets from the clean text's start), each
/// pattern is sought only from where its prefixes start.
pub fn cues_among(text: &str, base: usize, rules: crate::RuleCandidates, starts: Option<&[(u32, u64)]>) -> Vec<Found> {
    let mut out = Vec::new();
    let may = |bit: u64| rules.filters & bit != 0;
    // Whether the sentence tells of crime for gain: asked at most once.
    let mut crime: Option<bool> = None;
    let hits = (0..CUES.len()).filter(|&i| rules.cues & (1 << i) != 0);
    let mut breaks: Option<Vec<(usize, usize)>> = None;
    for i in hits {
        let re = &CUE_RES[i];
        for m in crate::anchored_matches(re, text, starts, base, 1 << i) {
            let word = &text[m.range()];
            // "regime-controlled", "IS-held": a qualifier, not a verb.
            if text[..m.start()].ends_with('-') {
                continue;
            }
            let before = clause_before(text, m.start(), breaks.get_or_insert_with(|| clause_breaks(text)));
            let window = tail(before, 50);
            let window = memchr::memrchr(b',', window.as_bytes()).map_or(window, |i| &window[i + 1..]);
            let cue = CUES[i].0;
            if (may(HEDGE_BIT) && HEDGE.is_match(window))
                || negated(last_words(before, 6))
                || (cue != Cue::Protest && purpose(before, word))
                || (cue == Cue::Protest && PROTEST_TO_COME.is_match(tail(before, 60)))
            {
                continue;
            }
            let head = tail(&text[..m.start()], 120);
            if (may(ATTRIBUTION_BIT) && ATTRIBUTION.is_match(head))
                // Rape is mostly told as an accusation: it still reports the rape.
                || (cue != Cue::Sexual
                    && memchr::memmem::find(head.as_bytes(), b"accus").is_some()
                    && ACCUSED_OF.is_match(head))
                || (may(CLAIM_BIT) && may(TOLD_EARLIER_BIT) && CLAIM.is_match(head) && TOLD_EARLIER.is_match(text))
                || (may(CLAIM_BIT) && CLAIMED_CUE.is_match(head))
            {
                continue;
            }
            if cue == Cue::Kill && starts_with_ignoring_case(word, "fired") && FIRED_WEAPON.is_match(word) {
                continue;
            }
            // A court's sentence is no arrest ("a court jailed him for five years").
            if cue == Cue::Arrest
                && (starts_with_ignoring_case(word, "jail") || starts_with_ignoring_case(word, "impris"))
                && (COURT.is_match(head) || SENTENCE_TERM.is_match(tail_start(&text[m.end()..], 80)))
            {
                continue;
            }
            // A vest or belt worn by someone stopped before it went off is
            // the arrest or the foiled attack, not a suicide bombing.
            if cue == Cue::Suicide && WORN.is_match(word) && STOPPED.is_match(text) {
                continue;
            }
            if not_news(CUES[i].0, text, before, m.start(), m.end(), rules.filters) {
                continue;
            }
            // Seizures and interceptions of drugs or smuggled goods are police work on crime.
            if matches!(cue, Cue::Capture | Cue::Disrupted)
                && *crime.get_or_insert_with(|| may(CRIME_BIT) && CRIME.is_match(text))
            {
                continue;
            }
            let mut cue = cue;
            // "captured a regime soldier", "seized two tanks": not territory;
            // but "captured Ain Issa from QSD fighters" takes a place from them.
            // After "fell to", the people named are who took the place;
            // after "took it from", who lost it.
            if cue == Cue::Capture
                && !starts_with_ignoring_case(word, "fell ")
                && !ends_with_ignoring_case(word, " from")
                && (SEIZED_OBJECT.find(&text[m.end()..]).is_some_and(|o| !taken_from(o.as_str()))
                    || TAKEN_BEFORE.is_match(tail(before, 80)))
            {
                cue = Cue::Abduct;
            } else if matches!(cue, Cue::Capture | Cue::Regain)
                && (military_post(word, &text[m.end()..]) || vague_part(&text[m.end()..]))
            {
                cue = Cue::Post;
            } else if cue == Cue::Brief && partial(word) && !part_taken(text, base, m.start(), m.end(), &out) {
                // "captured Saraqib, where the majority of residents had fled":
                // a part of something else, not of what is taken.
                continue;
            }
            out.push(Found { cue, start: base + m.start(), end: base + m.end() });
        }
    }
    // What a crowd demands or denounces is no act of its own ("marched to
    // demand the release of detained activists", "calling for protection
    // from attacks").
    if out.iter().any(|f| f.cue == Cue::Protest) {
        out.retain(|f| f.cue == Cue::Protest || !DEMANDED.is_match(tail(&text[..f.start - base], 100)));
    }
    // Overlapping wordings: the longer one says more ("suicide car bomb",
    // "exchange of shelling", "shot down").
    out.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end), f.cue));
    let mut kept: Vec<Found> = Vec::with_capacity(out.len());
    for f in out {
        match kept.last() {
            // A crowd's protest stays inside the mob wording that holds it
            // ("students protesting fees attacked the police"): it is a
            // demonstration, unless the crowd kills or beats a person.
            Some(k)
                if f.start < k.end
                    && f.end <= k.end
                    && !(k.cue == Cue::Mob
                        && f.cue == Cue::Protest
                        && !mob_harms_person(&text[k.start - base..k.end - base], &text[k.end - base..])) => {}
            _ => kept.push(f),
        }
    }
    kept
}

/// A court or judge as the one who jails.
static COURT: LazyLock<Regex> =
    LazyLock::new(|| crate::rule_regex(r"(?i)\b(?:courts?|judges?|tribunals?|magistrates?|sentenced|convicted)\b"));

/// A jail term after the verb: "for five years", "to six months".
static SENTENCE_TERM: LazyLock<Regex> =
    LazyLock::new(|| crate::rule_regex(r"(?i)\b(?:for|to) (?:life|(?:\w+ ){0,2}?(?:years?|months?|weeks?|days?))\b"));

/// A crowd's act that falls on a person: a killing, lynching or beating
/// whose object is not armed people ("lynched a man"; not "beat two
/// policemen", nor "stormed the town hall").
static MOB_ON_PERSON: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:killed|lynched|beat|hacked|assaulted|attacked|set upon|stoned|set fire to|burned|burnt)$",
    )
});

/// The object right after a crowd's verb that may fall on things as well
/// as people ("beat", "attacked", "burned"): an article, a count or up to
/// two words, then a noun for a person ("beat a suspected thief", "burned
/// two traders") or "to death". With it the act hit a person (mob
/// violence); without it ("attacked the governor's office") it may be a
/// riot's damage. [`mob_harms_person`] asks it only for those verbs.
static MOB_PERSON_OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)^\s*(?:(?:an?|the|two|three|four|five|\d+) )?(?:[\w'-]+ ){0,2}?(?:m[ae]n|wom[ae]n|boys?|girls?|persons?|people|suspects?|thie(?:f|ves)|youths?|teenagers?|traders?|farmers?|herders?|drivers?|pastors?|priests?|imams?|preachers?|students?|villagers?|residents?|worshippers?|civilians?|husbands?|wives|wife|sons?|daughters?|fathers?|mothers?|brothers?|sisters?|to death)\b",
    )
});

fn mob_harms_person(mob: &str, after: &str) -> bool {
    let Some(verb) = MOB_ON_PERSON.find(mob) else { return false };
    let person_only = matches!(verb.as_str().to_ascii_lowercase().as_str(), "killed" | "lynched" | "hacked");
    super::roles::ARMED_NOUN.find(after).is_none_or(|a| a.start() >= 25)
        && (person_only || MOB_PERSON_OBJECT.is_match(after))
}

/// A demand or grievance of a crowd, then up to six words of its object
/// ending in a word that opens a noun phrase: a cue right after it is the
/// object's word ("demanding the release of", "calling for protection from").
static DEMANDED: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:demand(?:s|ed|ing)?|call(?:s|ed|ing)? for|denounc(?:e|es|ed|ing)|condemn(?:s|ed|ing)?|in protest (?:at|against|over)|protest(?:s|ed|ing)? (?:against|over|at))(?: [\w'-]+){0,6}? (?:the|a|an|of|from|for|against|over|by|on)\s*$",
    )
});

/// Wording before a protest that makes it one to come, what something was
/// done ahead of ("detained activists ahead of the rally", "in the run-up
/// to planned demonstrations"): not the protest's own report.
static PROTEST_TO_COME: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:ahead of|in the run-up to|in advance of|on the eve of)\s+(?:(?:a|an|the|its|their|his|her|planned|scheduled|expected|upcoming|next|new|mass|nationwide|opposition|[\w-]+'s)\s+){0,3}$",
    )
});

/// Wording before a killing verb that makes it a running total ("has killed").
static PERFECT: LazyLock<Regex> = LazyLock::new(|| crate::rule_regex(PERFECT_PATTERN));
const PERFECT_PATTERN: &str = r"(?i)\b(?:has|have|had)\s+(?:[\w-]+\s+){0,2}$";

/// Wording before a killing word that names victims or ranks an attack
/// told elsewhere ("the wounded were taken", "the deadliest attack since").
static CASUALTY_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(r"(?i)\b(?:the|of|for|among)\s+$|\b(deadliest|bloodiest|worst|biggest|largest)\s+$")
});

/// A modal shortly after a fight named as a noun: one foreseen, not
/// fought ("the final battle for the town would involve").
static FUTURE_AFTER: LazyLock<Regex> =
    LazyLock::new(|| crate::rule_regex(r"(?i)^(?:\s+[\w'’-]+){0,4}?\s+(?:would|will|could|might)\b"));

/// A toll over years or of a whole war ("since it began", "hundreds of thousands").
static TOLL_SCOPE: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:hundreds of thousands|tens of thousands|millions|since (?:it|they|the (?:[\w-]+ )?(?:war|conflict|fighting|insurgency|uprising|crisis|revolution)) (?:began|started|erupted|broke out)|since (?:the )?(?:start|beginning|outbreak|onset)|since (?:19|20)\d\d|over the (?:past|last) (?:[\w-]+ )?(?:years?|decades?)|(?:years|decades) of (?:war|conflict|fighting))\b",
    )
});

/// Wording before a truce that makes it an earlier or existing one
/// ("after the previous truce", "violated the ceasefire").
static EARLIER_TRUCE: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:previous|earlier|last|former|prior|past|old|failed|collapsed|broken|fragile|shaky|existing|defunct|(?:after|since|before|despite|during|amid|until) (?:the|its|their|this|that)|(?:violat|breach|br[eo]ak)\w* (?:of )?(?:the|a|an|its|their))\s+(?:[\w'’-]+\s+)?$",
    )
});

/// Words after a truce that make it a subject of talk, not a deal ("ceasefire talks").
static TRUCE_TALK: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)^[\s-]*(?:talks|negotiations|proposals?|plans?|monitors?|violations?|breach(?:es)?|lines?|efforts|initiatives?|demands?|calls?)\b",
    )
});

/// Ongoing or habitual wording before an "-ing" cue ("are recruiting").
static ONGOING: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(r"(?i)\b(?:is|are|was|were|been|keeps?|kept|continues?|continued)\s+(?:to\s+)?(?:[\w-]+\s+)?$")
});

/// Wording before a fight named as a noun that makes it ended or fled
/// from, not fought ("ending three days of fighting", "fleeing the fighting").
static FIGHT_OVER: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:end(?:s|ed|ing)?|halt(?:s|ed|ing)?|stop(?:s|ped|ping)?|cessation of|fle(?:e|es|eing|d)|escap(?:e|ed|ing)|displaced by|(?:after|following) (?:\S+ ){0,2}(?:days|weeks|months|years|hours) of)\s+(?:[\w'-]+\s+){0,4}$",
    )
});

/// Wording before a killing named as a noun that makes it the subject of
/// a protest or an inquiry, told elsewhere ("protesting the killing of").
static KILLING_TOLD: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:protest\w*|condemn\w*|denounc\w*|mourn\w*|over|against|justice for|investigat\w*|inquiry into|anniversary of)\s+(?:the\s+|a\s+|an\s+)?(?:[\w'-]+\s+)?$",
    )
});

/// A comment on an act told before it ("the army did not comment on the
/// raid", "declined to comment about the attack"): no act of its own.
static COMMENTED_ON: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(r"(?i)\bcomment(?:s|ed|ing)? (?:on|about) (?:the |this |that |its |their |any )?(?:[\w'-]+ )?$")
});
/// The word every [`COMMENTED_ON`] match starts with, its filter: the
/// pattern itself would list a space among its last literals (its last
/// word is optional), a match at every word of the prefilter's pass.
const COMMENTED_ON_HEAD: &str = r"(?i)\bcomment";

/// Places of worship, schooling, trade or shelter after "stormed": an
/// attack on civilians, not an assault on a position.
static CIVILIAN_SITE: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)^\s+(?:an? |the )?(?:[\w'-]+ ){0,2}?(?:church|mosque|temple|school|market|hotel|house|home|hospital|wedding|bar|restaurant|camp for)",
    )
});

/// A killing of civilians in the clause after "stormed": the storming was
/// an attack on them ("stormed the village and shot dead six farmers").
static KILLED_CIVILIANS: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)^[^.;]*?\band (?:shot dead|killed|massacred|executed|gunned down|shot and killed|hacked to death|murdered|slaughtered|butchered|stabbed to death|burned alive|burnt alive) (?:[\w-]+ ){0,3}?(?:civilians|villagers|residents|farmers|herders|traders|worshippers|women|children|people|families|passengers|displaced)\b",
    )
});

/// Words in a crowd wording that make it no crowd: a source ("residents
/// said gunmen attacked") or an armed group ("villagers ... soldiers killed").
static NOT_A_CROWD: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:said|say|says|told|reported|report|according|was|were|is|are|been|being|by|fled|when|as|after|while|whose|whom|armed|gunmen|militants|militiamen|militia|soldiers|police|troops|fighters|rebels|forces|army|bandits|insurgents|jihadists|attackers|assailants)\b",
    )
});

/// A killing, seizing or wounding verb right before a crowd's word: the
/// crowd is its victim ("gunmen killed 22 villagers in an attack").
static VICTIMS_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:killed|killing|kill|shot dead|shot|executed|massacred|kidnapped|abducted|wounded|injured|attacked|targeted)\s+(?:[\w-]+\s+){0,3}$",
    )
});

/// Sticks and stones a crowd is armed with: no armed group. Blades
/// (machetes, knives, axes) are the arms of communal fighters, not a mob's.
static CROWD_WEAPONS: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(r"(?i)\barmed with (?:\S+ ){0,2}?(?:sticks|stones|clubs|rods|bats|cudgels|iron bars)\b")
});

/// A crowd's word followed by a relative pronoun: "residents who lynched".
static RELATIVE_CROWD: LazyLock<Regex> = LazyLock::new(|| crate::rule_regex(r"(?i)^[\w'-]+ (?:who|which|that)\b"));

/// An article right before a word ("the occupied town").
static ARTICLE_END: LazyLock<Regex> = LazyLock::new(|| crate::rule_regex(r"(?i)\b(?:the|a|an|its|their)\s+$"));

/// Words around a riot cue that name the police who answer riots ("riot police", "anti-riot").
static RIOT_POLICE: LazyLock<Regex> =
    LazyLock::new(|| crate::rule_regex(r"(?i)^\s*(?:police|gear|squad|control|units?|officers|forces)\b"));

/// Words after an air or missile word that make it a warning of a strike,
/// not a strike: "air raid sirens sounded", "a missile alert", "air-raid
/// shelters".
static ALERT_AFTER: LazyLock<Regex> =
    LazyLock::new(|| crate::rule_regex(r"(?i)^[\s-]*(?:sirens?|alerts?|alarms?|warnings?|shelters?|drills?)\b"));

/// Camps and posts for people fleeing, not for an armed group.
static SHELTER: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)^\s+(?:for|to house|to shelter)\s+(?:the\s+)?(?:displaced|refugees|idps|families|migrants|victims|survivors)",
    )
});

/// Animals and meat: a slaughter among them is no killing of people.
static ANIMALS: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:animals?|livestock|cattle|cows?|pigs?|hogs?|swine|sheep|goats?|camels?|poultry|chickens?|birds?|ducks?|herds?|flocks?|carcass(?:es)?|abattoirs?|slaughter ?houses?|meat)\b",
    )
});

/// People or a count right after "slaughtered" or "butchered": a killing,
/// where a team or a rival after them is a metaphor ("slaughtered the
/// visitors 6-1").
static PEOPLE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(concat!(
        r"(?i)^\s+(?:(?:at least|more than|some|about|dozens of|scores of|hundreds of|an?|the|their|his|her|its|whole|entire|[\d,]+|two|three|four|five|six|seven|eight|nine|ten|\w+teen|\w+ty)\s+)*(?:[\w-]+\s+){0,2}?",
        people!(),
        r"\b"
    ))
});

/// A passive right before a killing word ("villagers were slaughtered",
/// "soldiers were found butchered").
static PASSIVE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(r"(?i)\b(?:was|were|been|being|are|is)\s+(?:\w+ly\s+)?(?:(?:found|left|discovered)\s+)?$")
});

/// Envoys and foreigners after "expelled": a state sending people away,
/// not a side driven out of a place ("expelled the ambassador").
static EXPELLED_PEOPLE: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)^\s+(?:the |an? |two |three |several |\d+ )?(?:[\w'-]+ ){0,2}?(?:ambassadors?|envoys?|diplomats?|consuls?|attach(?:e|é)s?|charg(?:e|é)s? d'affaires|foreigners|foreign nationals|correspondents|journalists|migrants)\b",
    )
});

/// Wording before a capture that makes it the background of what is told:
/// "following the capture of the town", "after the city was captured",
/// "after it took control", "which the brigade had captured", "the recently
/// captured villages"; or a person's capture not done ("resisting capture").
static CAPTURE_BEFORE: LazyLock<Regex> = LazyLock::new(|| crate::rule_regex(CAPTURE_BEFORE_PATTERN));
const CAPTURE_BEFORE_PATTERN: &str = r"(?i)\b(?:(?:following|after|since|despite) (?:the|its|their)|(?:after|since|once) (?:[\w'-]+ ){1,3}?(?:was|were|had been|has been)|(?:after|since|once) (?:it|they)|which (?:[\w'-]+ ){1,3}?had|(?:the|its|their|a) (?:recently|newly)|(?:resist|resisting|evade|evading|avoid|avoiding|escape|escaped|escaping|rather than be))\s+$";

/// A holder's name between a preposition and "controlled" ("in regime
/// controlled Deir-ez-Zor", "towards IS controlled areas"): "controlled"
/// qualifies the place, as in "regime-controlled".
static HELD_BY_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(r"(?i)\b(?:in|into|of|on|from|to|towards?|near|across|inside|within) (?:the )?([\w-]+) $")
});

/// Whether the word between a preposition and "controlled" names a holder:
/// not a time or a direction ("on Monday controlled", "in the north
/// controlled"), which leave "controlled" the verb.
fn held_by(before: &str) -> bool {
    HELD_BY_BEFORE.captures(before).is_some_and(|c| {
        let w = c[1].to_ascii_lowercase();
        !NOT_HOLDERS.contains(&w.as_str())
            && !crate::date::CALENDAR_WORDS.contains(&w.as_str())
            && !COMPASS.iter().any(|d| w.starts_with(d))
    })
}

/// Words after a preposition that name a time, not who holds a place
/// (with [`crate::date::CALENDAR_WORDS`]).
const NOT_HOLDERS: [&str; 7] = ["morning", "afternoon", "evening", "night", "day", "week", "weekend"];

/// Compass words, and the words made of them ("northern", "southeast").
const COMPASS: [&str; 4] = ["north", "south", "east", "west"];

/// Compiles the cue patterns and the filters now, not in the first
/// article that needs them ([`crate::COMPILE_RULES`]).
pub(crate) fn compile_rules() {
    LazyLock::force(&CUE_RES);
    for regex in [
        &HEDGE,
        &SEIZED_OBJECT,
        &MILITARY_POST,
        &VAGUE_PART,
        &TAKEN_BEFORE,
        &HELD_BY_BEFORE,
        &AND_TOWN,
        &PART_AFTER_CAPTURE,
        &PART_BEFORE_CAPTURE,
        &NEGATION,
        &NON_POLITICAL,
        &FLAMES,
        &ARSON_BEFORE,
        &CRIME,
        &ATTRIBUTION,
        &ACCUSED_OF,
        &CLAIM,
        &CLAIMED_CUE,
        &TOLD_EARLIER,
        &FIRED_WEAPON,
        &WORN,
        &STOPPED,
        &DEMANDED,
        &PROTEST_TO_COME,
        &PERFECT,
        &CASUALTY_NOUN,
        &FUTURE_AFTER,
        &TOLL_SCOPE,
        &EARLIER_TRUCE,
        &TRUCE_TALK,
        &ONGOING,
        &FIGHT_OVER,
        &KILLING_TOLD,
        &CIVILIAN_SITE,
        &KILLED_CIVILIANS,
        &NOT_A_CROWD,
        &CROWD_WEAPONS,
        &VICTIMS_BEFORE,
        &RELATIVE_CROWD,
        &ARTICLE_END,
        &RIOT_POLICE,
        &ALERT_AFTER,
        &SHELTER,
        &CAPTURE_BEFORE,
        &EXPELLED_PEOPLE,
        &ANIMALS,
        &PEOPLE_AFTER,
        &PASSIVE_BEFORE,
        &WORD_TO,
        &COURT,
        &SENTENCE_TERM,
        &MOB_ON_PERSON,
        &MOB_PERSON_OBJECT,
        &COMMENTED_ON,
    ] {
        LazyLock::force(regex);
    }
}

/// Whether a cue reports no new event: a war's cumulative toll ("the
/// conflict has killed hundreds of thousands since it began"), an earlier
/// or existing truce ("after the previous truce", "ceasefire talks"), or a
/// change going on as a habit ("fighters are recruiting young men").
/// `clause` is [`clause_before`] the cue; `filters` are the sentence's
/// [`crate::RuleCandidates::filters`].
fn not_news(cue: Cue, text: &str, clause: &str, start: usize, end: usize, filters: u64) -> bool {
    let before = tail(clause, 60);
    let word = &text[start..end];
    if filters & COMMENTED_ON_BIT != 0 && COMMENTED_ON.is_match(before) {
        return true;
    }
    match cue {
        Cue::Kill | Cue::Harm | Cue::Raid => {
            let victims = is_one_of(word, &["wounded", "injured"]);
            let noun = is_one_of(
                word,
                &["killing", "killings", "murder", "murders", "assassination", "execution", "shooting", "massacre"],
            );
            // "ending months of cattle raids": violence a deal ends, not news.
            let raids = is_one_of(word, &["raids", "attacks", "killings"]);
            (filters & PERFECT_BIT != 0 && PERFECT.is_match(before) && TOLL_SCOPE.is_match(text))
                || (may_end_casualty_noun(before)
                    && CASUALTY_NOUN.captures(before).is_some_and(|c| victims || c.get(1).is_some()))
                || (noun && KILLING_TOLD.is_match(before))
                || ((noun || raids) && FIGHT_OVER.is_match(before))
                // "air raid": the air word's, a strike or, with "sirens"
                // after it, a warning.
                || (is_one_of(word, &["raid", "raids"]) && ["air ", "air-"].iter().any(|a| ends_with_ignoring_case(before, a)))
                // Livestock culled or butchered for meat: the animals next to the word.
                || (["slaughter", "butcher"].iter().any(|w| starts_with_ignoring_case(word, w))
                    && (ANIMALS.is_match(tail(before, 40))
                        || ANIMALS.is_match(tail_start(&text[end..], 40))
                        || !(PEOPLE_AFTER.is_match(&text[end..]) || PASSIVE_BEFORE.is_match(before))))
        }
        Cue::Clash => {
            let noun = is_one_of(
                word,
                &["battle", "battles", "fight", "fighting", "confrontation", "clashes", "hostilities", "combat"],
            );
            (noun && (FUTURE_AFTER.is_match(&text[end..]) || FIGHT_OVER.is_match(before)))
                || (word.eq_ignore_ascii_case("stormed")
                    && (CIVILIAN_SITE.is_match(&text[end..]) || KILLED_CIVILIANS.is_match(&text[end..])))
        }
        // "shot at residents who lynched": the crowd of a relative clause
        // does the violence, whatever was done to it.
        // A crowd "armed with sticks" is still a crowd.
        Cue::Mob => {
            NOT_A_CROWD.is_match(&CROWD_WEAPONS.replace_all(word, ""))
                || (!RELATIVE_CROWD.is_match(word) && VICTIMS_BEFORE.is_match(before))
        }
        // "the occupied town": a qualifier, not a takeover; "after the
        // city was captured": what came before the news.
        Cue::Capture => {
            (starts_with_ignoring_case(word, "occupied") && ARTICLE_END.is_match(before))
                || (filters & CAPTURE_BEFORE_BIT != 0 && CAPTURE_BEFORE.is_match(before))
                || held_areas(word)
                || (starts_with_ignoring_case(word, "controlled") && held_by(before))
                || (starts_with_ignoring_case(word, "expel") && EXPELLED_PEOPLE.is_match(&text[end..]))
        }
        Cue::Riot => {
            starts_with_ignoring_case(word, "riot")
                && (RIOT_POLICE.is_match(&text[end..]) || text[..start].ends_with("anti-"))
        }
        Cue::Grenade => {
            let lower = before.to_ascii_lowercase();
            ["stun ", "tear gas ", "teargas ", "smoke ", "flash "].iter().any(|w| lower.ends_with(w))
        }
        Cue::Base => SHELTER.is_match(&text[end..]),
        Cue::Air | Cue::Shelling => ALERT_AFTER.is_match(&text[end..]),
        Cue::Agreement => EARLIER_TRUCE.is_match(before) || TRUCE_TALK.is_match(&text[end..]),
        Cue::Change => text[start..end].ends_with("ing") && ONGOING.is_match(before),
        _ => false,
    }
}

/// Whether a capture (`word`, then the words `after` it) names a military
/// post as what is taken, not a town with its posts ("the village and its
/// positions").
/// A post taken together with a village or town ("the Sarmin checkpoint
/// and the village of Afes") is a location taken.
fn military_post(word: &str, after: &str) -> bool {
    let rest = if MILITARY_POSTS.iter().any(|p| ends_with_ignoring_case(word, p)) {
        after
    } else {
        match MILITARY_POST.find(after) {
            Some(m) => {
                let taken = m.as_str().to_ascii_lowercase();
                if ["village", "town", "city", " and ", "area"].iter().any(|w| taken.contains(w)) {
                    return false;
                }
                &after[m.end()..]
            }
            None => return false,
        }
    };
    !AND_TOWN.is_match(tail_start(rest, 80))
}

/// Whether the words `after` a capture take a stretch or buildings of a
/// place ([`VAGUE_PART`]), not with a village or town named after them.
fn vague_part(after: &str) -> bool {
    VAGUE_PART.find(after).is_some_and(|m| !AND_TOWN.is_match(tail_start(&after[m.end()..], 80)))
}

/// Whether the words after a capture up to the people they name say whom a
/// place was taken from ("Ain Issa from QSD fighters"), not who was taken:
/// what was captured, before "from", is a name ("Ain Issa", "the town of
/// Ain Issa"), not people ("a nurse from the staff", "dozens from among").
fn taken_from(object: &str) -> bool {
    let words: Vec<&str> = object.split_whitespace().collect();
    let Some(from) = words.iter().position(|w| w.eq_ignore_ascii_case("from")) else {
        return false;
    };
    let taken = &words[..from];
    let name = match taken {
        [the, kind, of, name @ ..]
            if the.eq_ignore_ascii_case("the")
                && ["town", "village", "city", "district", "hill", "area"]
                    .iter()
                    .any(|k| kind.eq_ignore_ascii_case(k))
                && of.eq_ignore_ascii_case("of") =>
        {
            name
        }
        _ => taken,
    };
    !name.is_empty() && name.iter().all(|w| w.starts_with(|c: char| c.is_uppercase()))
}

/// Whether a [`Cue::Brief`] wording names a part of a place ("most of",
/// "the majority of", "the southern parts of"), which is partial control
/// only as what a capture takes.
fn partial(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    w.starts_with("most of") || w.contains("majority of") || w.contains("part of") || w.contains("parts of")
}

/// Whether the part of a place at `start..end` of `text` is what one of the
/// captures or regains `found` so far takes: right after it ("captured the
/// majority of") or as the subject of its passive ("most of the town was
/// captured"). `found` holds positions from `base`.
fn part_taken(text: &str, base: usize, start: usize, end: usize, found: &[Found]) -> bool {
    found.iter().filter(|f| matches!(f.cue, Cue::Capture | Cue::Regain)).any(|f| {
        let (s, e) = (f.start - base, f.end - base);
        if s < start && e >= start {
            // The capture's words run into the part ("took most of villages").
            return true;
        }
        let passive = |gap: &str| {
            PART_BEFORE_CAPTURE
                .captures(gap)
                .is_some_and(|c| c.get(1).is_some() || starts_with_ignoring_case(&text[s..e], "fell"))
        };
        (e <= start && PART_AFTER_CAPTURE.is_match(&text[e..start])) || (s >= end && passive(&text[end..s]))
    })
}

/// The first `n` bytes of `s`, on a character boundary.
fn tail_start(s: &str, n: usize) -> &str {
    let mut i = n.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    &s[..i]
}

/// "Controlled areas", "controlled villages": a bare noun after
/// "controlled" makes it a qualifier ("IS controlled areas"), where a verb
/// takes an article, a number or a name ("controlled the village").
fn held_areas(word: &str) -> bool {
    let mut words = word.split(' ');
    words.next().is_some_and(|w| w.eq_ignore_ascii_case("controlled"))
        && words.next().is_some_and(|w| w.chars().all(|c| c.is_ascii_lowercase()) && w != "over")
        && words.next().is_none()
}

/// A word before a closing "to": "managed to", "aimed to".
static WORD_TO: LazyLock<Regex> = LazyLock::new(|| crate::rule_regex(r"(?i)\b(\w+) to\s*$"));

/// Words before "to" that report what happened, not a purpose ("managed
/// to retake", "was able to regain", "began to advance").
const DONE_BEFORE_TO: &[&str] = &[
    "managed",
    "managing",
    "manages",
    "able",
    "succeeded",
    "continued",
    "began",
    "started",
    "proceeded",
    "went",
    "advanced",
    "moved",
    "led",
    "returned",
];

/// Words of a claim before "to": "claimed to have recaptured" reports a
/// side's claim, which ACLED codes as the event, but a claim to hold a
/// place ([`HELD_CLAIMED`]) is a standing claim, not a change of hands.
const CLAIMS: &[&str] = &["claimed", "claims", "claim"];

/// What a standing claim says a side does ("claims to control the town",
/// "claim to hold the hill").
const HELD_CLAIMED: &[&str] = &["control", "hold"];

/// "to fight", "aimed at capturing": a purpose, not a report; but the
/// words of [`DONE_BEFORE_TO`] report what happened, and a claim
/// ([`CLAIMS`]) is a purpose only where it is a standing one.
fn purpose(before: &str, word: &str) -> bool {
    // Every match ends in " to" and spaces: most clauses are turned away without the regex.
    if !ends_with_ignoring_case(before.trim_end(), " to") {
        return false;
    }
    WORD_TO.captures(before).is_some_and(|c| {
        let said = c[1].to_ascii_lowercase();
        if CLAIMS.contains(&said.as_str()) {
            return HELD_CLAIMED.iter().any(|w| starts_with_ignoring_case(word, w));
        }
        !DONE_BEFORE_TO.contains(&said.as_str())
    })
}

/// Whether the sentence is about something other than political violence:
/// a disaster, an accident, sport, diplomacy, or crime for gain (unless a
/// crowd turns on the suspects).
pub fn non_political(text: &str) -> bool {
    non_political_among(text, crate::rule_candidates_in(text))
}

/// [`non_political`] for a sentence with these [`crate::RuleCandidates`].
pub fn non_political_among(text: &str, rules: crate::RuleCandidates) -> bool {
    let may = |bit: u64| rules.filters & bit != 0;
    (may(NON_POLITICAL_BIT)
        && NON_POLITICAL
            .find_iter(text)
            .any(|m| !(FLAMES.is_match(m.as_str()) && ARSON_BEFORE.is_match(&text[..m.start()]))))
        || (may(CRIME_BIT)
            && CRIME.is_match(text)
            && !cues_among(text, 0, rules, None).iter().any(|f| f.cue == Cue::Mob))
}

/// Where the clauses of a sentence break, for [`clause_before`]: for each
/// break, the byte it ends at and the byte the clause after it starts at.
/// The breaks are ASCII, so a byte search finds them where a char search
/// would; found once per sentence, with searchers built once per run
/// (building one costs about as much as searching a sentence).
fn clause_breaks(text: &str) -> Vec<(usize, usize)> {
    static WORDS: LazyLock<[memchr::memmem::Finder<'static>; 2]> =
        LazyLock::new(|| [memchr::memmem::Finder::new(", while "), memchr::memmem::Finder::new(", but ")]);
    let b = text.as_bytes();
    let mut out: Vec<(usize, usize)> = memchr::memchr3_iter(b';', b':', b'"', b).map(|i| (i + 1, i + 1)).collect();
    for finder in WORDS.iter() {
        let len = finder.needle().len();
        out.extend(finder.find_iter(b).map(|i| (i + len, i + 1)));
    }
    out
}

/// The text of the clause before byte `at`: back to the last clause break
/// of `breaks` ([`clause_breaks`] of `text`) that ends by `at`.
fn clause_before<'t>(text: &'t str, at: usize, breaks: &[(usize, usize)]) -> &'t str {
    let cut = breaks.iter().filter(|(end, _)| *end <= at).map(|&(_, cut)| cut).max().unwrap_or(0);
    &text[cut..at]
}

/// Whether `before` may end in a [`CASUALTY_NOUN`] match: whitespace
/// after one of its words, ASCII case ignored. Of their letters only "s"
/// has a case outside ASCII (the long s), so an end with a non-ASCII byte
/// is left to the regex.
fn may_end_casualty_noun(before: &str) -> bool {
    const WORDS: [&str; 9] = ["the", "of", "for", "among", "deadliest", "bloodiest", "worst", "biggest", "largest"];
    let last = before.trim_end();
    last.len() < before.len()
        && (!last.as_bytes()[last.len().saturating_sub(9)..].is_ascii()
            || WORDS.iter().any(|w| ends_with_ignoring_case(last, w)))
}

/// Whether `words` end in a [`NEGATION`]. Every negation holds "no",
/// "never", "without", "neither", "did", "fail" or "denied", ASCII case
/// ignored (none of their letters has a case outside ASCII): words
/// without one, most, are passed over without the regex.
fn negated(words: &str) -> bool {
    let b = words.as_bytes();
    let at = |i: usize, w: &[u8]| b.get(i..i + w.len()).is_some_and(|x| x.eq_ignore_ascii_case(w));
    let may = (0..b.len()).any(|i| match b[i] | 0x20 {
        b'n' => at(i, b"no") || at(i, b"never") || at(i, b"neither"),
        b'w' => at(i, b"without"),
        b'd' => at(i, b"did") || at(i, b"denied"),
        b'f' => at(i, b"fail"),
        _ => false,
    });
    may && NEGATION.is_match(words)
}

/// The end of `s` from its last `n` runs of non-space characters on. A
/// [`NEGATION`] match (a negation of up to two words, then up to two
/// words, then spaces to the end) lies in the last four, and a cut right
/// after a space leaves its `\b` as it was.
fn last_words(s: &str, n: usize) -> &str {
    let mut runs = 0;
    let mut in_run = false;
    for (i, c) in s.char_indices().rev() {
        if !c.is_whitespace() {
            in_run = true;
        } else if in_run {
            runs += 1;
            if runs == n {
                return &s[i + c.len_utf8()..];
            }
            in_run = false;
        }
    }
    s
}

/// Whether `word` is one of the lowercase `words`, ignoring ASCII case.
fn is_one_of(word: &str, words: &[&str]) -> bool {
    words.iter().any(|w| word.eq_ignore_ascii_case(w))
}

/// The last `n` bytes of `s`, on a character boundary.
fn tail(s: &str, n: usize) -> &str {
    let mut i = s.len().saturating_sub(n);
    while !s.is_char_boundary(i) {
        i += 1;
    }
    &s[i..]
}

/// What is known about the parties of a clause when deciding its type.
#[derive(Debug, Clone, Copy, Default)]
pub struct Parties {
    /// The acting side is the state's own forces (of the place's country).
    pub subject_state: Option<bool>,
    /// Who is acted on: armed people, civilians, or unknown.
    pub target_armed: bool,
    pub target_civilian: bool,
    /// Two distinct armed actors are named in the clause.
    pub two_armed: bool,
    /// Every fighting word of the clause names a one-sided assault
    /// ("stormed", "ambushed"), none a fight between two sides.
    pub one_sided: bool,
    /// The acting side is a crowd ("villagers", "a mob"), no armed group.
    pub crowd: bool,
    /// The acting side is some state's forces, at home or abroad, and
    /// nobody they hold is said to be missing since.
    pub subject_forces: bool,
}

/// The sub-event type of a clause with these cues and parties, by the
/// codebook's priority; `None` when the cues make no event.
pub fn decide(cues: &[Cue], p: Parties) -> Option<SubEventType> {
    use SubEventType as T;
    let has = |c: Cue| cues.contains(&c);
    // Hurt or killed; an assault named only by its act ("raided") is
    // violent too when it is between armed sides (a raid on another
    // group's cells is a clash), or when its result is not people taken
    // away or arrested, weapons found, or property looted or wrecked.
    let harmed = has(Cue::Kill) || has(Cue::Harm);
    // A one-sided assault ("stormed", "ambushed") is a fight only between
    // armed sides: one that kills or wounds civilians is an attack, like a
    // raid; one that suicide bombers open is the suicide bombing.
    let assault = p.one_sided && has(Cue::Clash);
    let on_civilians = assault && harmed && p.target_civilian && !p.target_armed;
    let fight = has(Cue::Clash) && !on_civilians && !(assault && has(Cue::Suicide));
    let clash = fight || has(Cue::Post);
    let raid = has(Cue::Raid) || on_civilians;
    let hurt = harmed || raid;
    let taken = [Cue::Abduct, Cue::Arrest, Cue::Disrupted, Cue::Looting].iter().any(|&c| has(c));
    let armed_sides = (p.target_armed || p.two_armed) && !p.target_civilian;
    let violent = harmed || (raid && (!taken || armed_sides));
    // A bomb at a rally is a bombing: remote violence outranks the crowd.
    let remote =
        [Cue::Chemical, Cue::Air, Cue::Suicide, Cue::Shelling, Cue::Explosive, Cue::Grenade].iter().any(|&c| has(c));
    if has(Cue::Protest) && !remote {
        // Rape of a protester is sexual violence, whatever the crowd did.
        if has(Cue::Sexual) {
            return Some(T::SexualViolence);
        }
        let crowd_force = has(Cue::Intervention) || has(Cue::CrowdControl) || has(Cue::Arrest);
        return Some(if has(Cue::Riot) || has(Cue::Looting) || has(Cue::Clash) || has(Cue::Post) || has(Cue::Mob) {
            T::ViolentDemonstration
        } else if has(Cue::Kill) {
            T::ExcessiveForceAgainstProtesters
        } else if hurt && p.subject_state != Some(true) && !crowd_force {
            // Protesters who attack or assault: the crowd is violent.
            T::ViolentDemonstration
        } else if crowd_force || hurt {
            T::ProtestWithIntervention
        } else {
            T::PeacefulProtest
        });
    }
    // A crowd that kills, beats or burns is a mob, however its act is told
    // ("a crowd set fire to two men accused of theft").
    let mob = has(Cue::Mob) || (p.crowd && !p.target_armed && (hurt || has(Cue::Looting)));
    if mob && !clash {
        // A crowd throwing stones at the police riots; at civilians it is a mob.
        return Some(if has(Cue::Riot) && p.target_armed { T::ViolentDemonstration } else { T::MobViolence });
    }
    if has(Cue::Riot) && !clash && !has(Cue::Air) && !has(Cue::Shelling) {
        return Some(
            if cues.iter().any(|c| matches!(c, Cue::Kill | Cue::Harm | Cue::Raid | Cue::Abduct)) && !p.target_civilian {
                T::ViolentDemonstration
            } else if violent {
                T::MobViolence
            } else {
                T::ViolentDemonstration
            },
        );
    }
    let territory = has(Cue::Capture) || has(Cue::Regain);
    // Control handed over, or one side leaving a place another then takes
    // over ("withdrew from the post and the army took it over"), with no
    // fight: a transfer, whoever takes it. A place taken after a
    // withdrawal told as its cause ("controlled the village after the
    // rebels' withdrawal"), or taken back, is the taker's gain.
    let handed = has(Cue::Handover) && (territory || has(Cue::Post));
    let at = |c: Cue| cues.iter().position(|&x| x == c);
    let left = at(Cue::Withdraw).is_some_and(|w| at(Cue::Capture).is_some_and(|c| w < c))
        && !has(Cue::Regain)
        && !has(Cue::Brief);
    if (handed || left) && !fight && !violent {
        return Some(T::NonViolentTransferOfTerritory);
    }
    if territory {
        if has(Cue::Brief) {
            return Some(T::ArmedClash);
        }
        // Regaining is the state's (or its allies'): when who regained a
        // place is unknown, the clause is no territorial event.
        match p.subject_state {
            Some(true) => return Some(T::GovernmentRegainsTerritory),
            Some(false) => return Some(T::NonStateActorOvertakesTerritory),
            None if has(Cue::Regain) => {}
            None => return Some(T::NonStateActorOvertakesTerritory),
        }
    }
    if clash {
        return Some(T::ArmedClash);
    }
    if has(Cue::Disrupted) && !violent {
        return Some(T::DisruptedWeaponsUse);
    }
    for (c, t) in [
        (Cue::Chemical, T::ChemicalWeapon),
        (Cue::Air, T::AirDroneStrike),
        (Cue::Suicide, T::SuicideBomb),
        (Cue::Shelling, T::ShellingArtilleryMissileAttack),
        (Cue::Grenade, T::Grenade),
        (Cue::Explosive, T::RemoteExplosiveLandmineIed),
    ] {
        if has(c) {
            return Some(t);
        }
    }
    // Tear gas or water cannon tell of a crowd the police met.
    if has(Cue::CrowdControl) {
        return Some(if has(Cue::Kill) {
            T::ExcessiveForceAgainstProtesters
        } else if has(Cue::Riot) || has(Cue::Looting) {
            T::ViolentDemonstration
        } else {
            T::ProtestWithIntervention
        });
    }
    if has(Cue::Sexual) {
        return Some(T::SexualViolence);
    }
    if violent {
        let armed = (p.target_armed || p.two_armed) && !p.target_civilian;
        // Abducting in an attack that also wounds or kills is the attack:
        // harm to the victims outranks their being taken.
        return Some(if armed { T::ArmedClash } else { T::Attack });
    }
    // Seizing fighters of another armed group is fighting between them.
    let armed_target = p.target_armed && !p.target_civilian;
    if (has(Cue::Abduct) || has(Cue::Arrest)) && armed_target && p.subject_state != Some(true) {
        return Some(T::ArmedClash);
    }
    if has(Cue::Abduct) {
        return Some(T::AbductionForcedDisappearance);
    }
    // "Without a fight" alone is how a base was set up, not a place changing hands.
    if (has(Cue::Handover) || has(Cue::Withdraw)) && !has(Cue::Base) {
        return Some(T::NonViolentTransferOfTerritory);
    }
    if has(Cue::Arrest) {
        // Forces of a state holding people abroad arrest them too.
        let non_state = p.subject_state == Some(false) && !p.subject_forces;
        return Some(if non_state { T::AbductionForcedDisappearance } else { T::Arrests });
    }
    for (c, t) in [
        (Cue::Looting, T::LootingPropertyDestruction),
        (Cue::Agreement, T::Agreement),
        (Cue::Base, T::HeadquartersOrBaseEstablished),
        (Cue::Change, T::ChangeToGroupActivity),
        (Cue::Other, T::Other),
    ] {
        if has(c) {
            return Some(t);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negation_is_sought_only_in_words_that_may_hold_one() {
        for words in [
            "they did not",
            "NEVER",
            "the guards failed to",
            "was no longer",
            "Neither side",
            "without",
            "the ministry denied",
            "nor the",
        ] {
            assert!(negated(words), "{words:?}");
            assert!(NEGATION.is_match(words), "{words:?}");
        }
        for words in ["the army then", "troops", "Noon prayers were"] {
            assert!(!negated(words), "{words:?}");
        }
    }

    #[test]
    fn a_casualty_noun_is_sought_only_after_its_words() {
        for before in
            ["the ", "Residents mourned the ", "one of  ", "the deadliest ", "its WORST ", "the deadlie\u{17F}t "]
        {
            assert!(may_end_casualty_noun(before), "{before:?}");
            assert!(CASUALTY_NOUN.is_match(before), "{before:?}");
        }
        for before in ["Gunmen ", "the", "in another ", "soldiers were "] {
            assert!(!may_end_casualty_noun(before), "{before:?}");
        }
    }

    #[test]
    fn the_comment_filter_marks_only_sentences_with_its_word() {
        let with = crate::rule_candidates_in("The governor would not comment on the shelling of Velmora.");
        let without = crate::rule_candidates_in("The governor said little about the shelling of Velmora.");
        assert_ne!(with.filters & COMMENTED_ON_BIT, 0);
        assert_eq!(without.filters & COMMENTED_ON_BIT, 0);
    }

    fn check(sentence: &str, parties: Parties, expect: Option<SubEventType>) {
        let found: Vec<Cue> = cues(sentence, 0).iter().map(|f| f.cue).collect();
        assert_eq!(decide(&found, parties), expect, "{sentence:?} with cues {found:?}");
    }

    #[test]
    fn every_military_post_word_makes_a_capture_a_post_taken() {
        for post in MILITARY_POSTS {
            assert!(military_post("seized", &format!(" three army {post} by the canal")), "{post}");
            assert!(military_post(&format!("the {post}"), " by the canal"), "{post}");
        }
        assert!(military_post("seized", " two check points by the canal"));
        assert!(!military_post("seized", " the hamlet by the canal"));
    }

    #[test]
    fn a_purpose_is_told_from_a_report_and_a_claim_by_the_lists() {
        assert!(purpose("The brigade set out to ", "seize"));
        for done in DONE_BEFORE_TO {
            assert!(!purpose(&format!("The brigade {done} to "), "seize"), "{done}");
        }
        for claim in CLAIMS {
            assert!(!purpose(&format!("The brigade {claim} to "), "have seized"), "{claim}");
            for held in HELD_CLAIMED {
                assert!(purpose(&format!("The brigade {claim} to "), &format!("{held} the ridge")), "{claim} {held}");
            }
        }
    }

    #[test]
    fn types_by_priority() {
        use SubEventType as T;
        let none = Parties::default();
        let state = Parties { subject_state: Some(true), ..Parties::default() };
        let rebels = Parties { subject_state: Some(false), ..Parties::default() };
        let armed = Parties { target_armed: true, ..Parties::default() };
        check("Gunmen killed nine villagers in an attack on the hamlet.", none, Some(T::Attack));
        let civ = Parties { target_civilian: true, ..Parties::default() };
        check("The army retook the village after clashes.", state, Some(T::GovernmentRegainsTerritory));
        check("Rebels captured the hill from the army.", rebels, Some(T::NonStateActorOvertakesTerritory));
        check("Rebels retook the hill from the army.", rebels, Some(T::NonStateActorOvertakesTerritory));
        check(
            "Rebels controlled Kafr Nabl after clashes with the army.",
            rebels,
            Some(T::NonStateActorOvertakesTerritory),
        );
        check("The hill was retaken on Sunday.", none, None);
        check("Clashes accompanied by heavy shelling hit the town.", none, Some(T::ArmedClash));
        check("Warplanes and artillery pounded the town.", none, Some(T::AirDroneStrike));
        check("A suicide bomber killed 12 people at a market.", civ, Some(T::SuicideBomb));
        check("Gunmen kidnapped two farmers and later killed them.", civ, Some(T::Attack));
        check("Gunmen kidnapped two farmers.", civ, Some(T::AbductionForcedDisappearance));
        check("Militants attacked an army checkpoint, killing two soldiers.", armed, Some(T::ArmedClash));
        check("Police fired tear gas to disperse the protesters.", none, Some(T::ProtestWithIntervention));
        check("Hundreds of people protested against the new law.", none, Some(T::PeacefulProtest));
        check("Security forces shot dead three protesters.", none, Some(T::ExcessiveForceAgainstProtesters));
        check("A roadside bomb exploded near a patrol.", none, Some(T::RemoteExplosiveLandmineIed));
        check("Engineers defused an IED on the main road.", none, Some(T::DisruptedWeaponsUse));
        check("The rebels withdrew from the town without a fight.", none, Some(T::NonViolentTransferOfTerritory));
        check("Police arrested five activists in the capital.", none, Some(T::Arrests));
        check("The two sides signed a ceasefire agreement.", none, Some(T::Agreement));
    }

    #[test]
    fn wordings_of_conflict_news_in_general() {
        use SubEventType as T;
        let none = Parties::default();
        let state = Parties { subject_state: Some(true), ..Parties::default() };
        check("Raiders hacked to death four herders near the river.", none, Some(T::Attack));
        check("Jets dropped guided bombs on the market.", none, Some(T::AirDroneStrike));
        check("A suicide car bomber struck the convoy.", none, Some(T::SuicideBomb));
        check("Engineers found and detonated an explosive device on the road.", none, Some(T::DisruptedWeaponsUse));
        check("Sappers cleared 12 landmines around the village.", none, Some(T::DisruptedWeaponsUse));
        check(
            "The foreign troops handed the airbase over to the national army.",
            none,
            Some(T::NonViolentTransferOfTerritory),
        );
        check("The two sides agreed to resume peace negotiations.", none, Some(T::Agreement));
        check("The militia was reorganised as a police unit.", none, Some(T::ChangeToGroupActivity));
        check("A rebel commander surrendered to the army with his men.", state, Some(T::ChangeToGroupActivity));
        check("The militants imposed a blockade on the town.", none, Some(T::Other));
        check("Hundreds of families were forcibly displaced by the troops.", none, Some(T::Other));
        check("Police forcibly removed residents staging a sit-in.", none, Some(T::ProtestWithIntervention));
        check("Police raped a protester held after the rally.", none, Some(T::SexualViolence));
        check("The group claimed the attack on the hotel in a statement.", none, None);
        assert!(non_political("Heavy rains and mudslides destroyed dozens of homes."));
    }

    #[test]
    fn a_raid_is_judged_by_its_result() {
        use SubEventType as T;
        let none = Parties::default();
        let state = Parties { subject_state: Some(true), ..Parties::default() };
        check(
            "Gunmen raided the hamlet at dawn and abducted nine herders.",
            none,
            Some(T::AbductionForcedDisappearance),
        );
        check("Gunmen raided the hamlet, abducting nine herders and wounding two.", none, Some(T::Attack));
        check("Gunmen attacked the hamlet and shot dead four herders.", none, Some(T::Attack));
        check("Gunmen attacked the hamlet on Sunday night.", none, Some(T::Attack));
        let armed = Parties { target_armed: true, subject_state: Some(true), ..Parties::default() };
        check("Troops attacked the rebel camp and captured four fighters.", armed, Some(T::ArmedClash));
        check("Police raided three homes in the old town and arrested six men.", state, Some(T::Arrests));
        check("Gendarmes took into custody 12 traders in raids on the market.", state, Some(T::Arrests));
        check(
            "Troops raided a farmhouse and seized a cache of rifles and explosives.",
            state,
            Some(T::DisruptedWeaponsUse),
        );
    }

    #[test]
    fn more_wordings_of_conflict_news_in_general() {
        use SubEventType as T;
        let none = Parties::default();
        let state = Parties { subject_state: Some(true), ..Parties::default() };
        check(
            "Raiders took a local judge and his driver hostage on the highway.",
            none,
            Some(T::AbductionForcedDisappearance),
        );
        check(
            "The raiders carried off 14 schoolgirls from the dormitory.",
            none,
            Some(T::AbductionForcedDisappearance),
        );
        check("The raiders carried off 40 cattle from the kraal.", none, None);
        check("Floodwaters carried away 12 villagers from the riverbank.", none, None);
        check(
            "The rebel front said it was suspending all military operations in the hills.",
            none,
            Some(T::ChangeToGroupActivity),
        );
        check("Both sides agreed at talks in the capital on Friday to exchange detainees.", none, Some(T::Agreement));
        check(
            "The army re-occupied the district centre after the rebels left.",
            state,
            Some(T::GovernmentRegainsTerritory),
        );
        check(
            "The mission vacated its base near the river and transferred it to the army.",
            none,
            Some(T::NonViolentTransferOfTerritory),
        );
        check("A man wearing an explosive belt set it off at the gate of the barracks.", none, Some(T::SuicideBomb));
        check("Police found two explosive vests in the house.", none, None);
        check("A fighter drove a bomb-laden truck into the army camp at dawn.", none, Some(T::SuicideBomb));
        check("Armed men on motorbikes were seen patrolling the market road at night.", none, Some(T::Other));
        check("Troops forcibly deported hundreds of residents from the border district.", none, Some(T::Other));
        check("Troops detained 20 opposition activists ahead of the planned rally.", state, Some(T::Arrests));
        check("Gunmen stormed the hamlet and murdered seven villagers.", none, Some(T::Attack));
        let rebels = Parties { subject_state: Some(false), ..Parties::default() };
        check(
            "The rebels captured the district governor at a checkpoint.",
            rebels,
            Some(T::AbductionForcedDisappearance),
        );
    }

    #[test]
    fn wordings_that_need_a_conflict_to_be_one() {
        use SubEventType as T;
        let none = Parties::default();
        let state = Parties { subject_state: Some(true), ..Parties::default() };
        // Halting work, agreeing to free someone, leaving an office, being
        // seen somewhere, handing back the dead: ordinary news, unless the
        // object or the subject is of a conflict.
        check("The brewery halted operations at its plant in the valley after a strike.", none, None);
        check(
            "The insurgents said they were halting all combat operations in the delta.",
            none,
            Some(T::ChangeToGroupActivity),
        );
        check("The tribunal agreed on Friday to release the editor on bail.", none, None);
        check("The two factions agreed in talks on Sunday to release all their prisoners.", none, Some(T::Agreement));
        check("The envoys agreed to halt the fighting around the port.", none, Some(T::Agreement));
        check("The mayor vacated his post on Monday after the court ruling.", none, None);
        check(
            "The militia vacated its positions near the dam overnight.",
            none,
            Some(T::NonViolentTransferOfTerritory),
        );
        check("Crowds of fans were seen gathering outside the arena on Saturday.", none, None);
        check("Fighters in pickup trucks were seen massing near the ridge.", none, Some(T::Other));
        check("The family returned the body of the poet to his village for burial.", none, None);
        // A worn vest whose wearer was stopped is the arrest or the foiled
        // attack; set off, it is the suicide bombing.
        check(
            "A youth wearing an explosive vest was arrested at the market gate, police said.",
            none,
            Some(T::Arrests),
        );
        check(
            "Guards intercepted a man wearing an explosive belt outside the shrine.",
            state,
            Some(T::DisruptedWeaponsUse),
        );
        check("A woman strapped with an explosive belt set it off at the bus depot.", none, Some(T::SuicideBomb));
    }

    #[test]
    fn a_warning_of_a_strike_is_no_strike() {
        use SubEventType as T;
        let none = Parties::default();
        check("Air raid sirens wailed over the capital for two hours on Tuesday.", none, None);
        check("An air-raid alert was declared in four regions overnight.", none, None);
        check("Residents spent the night in air raid shelters.", none, None);
        check("Rocket sirens sounded in the border towns.", none, None);
        check("Air raid sirens sounded as missiles struck the port.", none, Some(T::ShellingArtilleryMissileAttack));
        check("An air raid hit the market at noon.", none, Some(T::AirDroneStrike));
    }

    #[test]
    fn hedged_future_and_negated_cues_make_no_event() {
        let none = Parties::default();
        check("We expect them to try to slip away and we will crush them.", none, None);
        check("They are preparing for a final showdown to capture the town.", none, None);
        check("The offensive is aimed at capturing the town.", none, None);
        check("No clashes were reported in the area.", none, None);
    }

    #[test]
    fn tolls_earlier_truces_and_habits_make_no_event() {
        use SubEventType as T;
        let none = Parties::default();
        check("The war has killed tens of thousands of people since it began in 2015.", none, None);
        check("The insurgency has so far killed more than 40,000 people over the past decade.", none, None);
        check("Gunmen have killed 14 people in the district since Saturday.", none, Some(T::Attack));
        check("The wounded were taken to the town's hospital.", none, None);
        check("It was the deadliest attack on the town since the spring.", none, None);
        check("Gunmen wounded two guards at the gate.", none, Some(T::Attack));
        check("He said the final battle for the town would be quick.", none, None);
        check("The battle for the town lasted two days.", none, Some(T::ArmedClash));
        check("Displaced families went back home after the previous truce, then fled again.", none, None);
        check("Ceasefire talks broke down in the capital on Monday.", none, None);
        check("Militias violated the truce overnight.", none, None);
        check("The two sides signed a ceasefire agreement on Monday.", none, Some(T::Agreement));
        check("Residents say the militia is recruiting boys from the camps.", none, None);
        check("The militia recruited 200 boys from the camps last week.", none, Some(T::ChangeToGroupActivity));
    }

    #[test]
    fn times_names_and_standing_claims_leave_a_capture_alone() {
        use SubEventType as T;
        let rebels = Parties { subject_state: Some(false), ..Parties::default() };
        // A time or a direction between a preposition and "controlled" is
        // no holder: "controlled" is the verb.
        check(
            "The militia on Friday controlled the district of Dorvana after a long fight.",
            rebels,
            Some(T::NonStateActorOvertakesTerritory),
        );
        check(
            "Clan fighters in the south controlled the town of Dorvana at dawn.",
            rebels,
            Some(T::NonStateActorOvertakesTerritory),
        );
        // A number inside a unit's name is no count of people taken.
        check(
            "Gunmen of Regiment 41 captured the village of Dorvana at dawn.",
            rebels,
            Some(T::NonStateActorOvertakesTerritory),
        );
        check("Four were captured near Dorvana at dawn.", rebels, Some(T::AbductionForcedDisappearance));
        check(
            "The guards fled into the hills near Dorvana, while at least 7 were captured.",
            rebels,
            Some(T::AbductionForcedDisappearance),
        );
        // A standing claim to hold a place is no change of hands.
        check("The militia claims to control the town of Dorvana, residents said.", rebels, None);
        // Bodies recovered after a takeover do not undo it.
        check(
            "The militia overran the town of Dorvana at dawn, killing 9 soldiers, before medics recovered the bodies.",
            rebels,
            Some(T::NonStateActorOvertakesTerritory),
        );
    }

    #[test]
    fn territory_needs_control_to_change_now() {
        use SubEventType as T;
        let rebels = Parties { subject_state: Some(false), ..Parties::default() };
        let state = Parties { subject_state: Some(true), ..Parties::default() };
        // A claim of the retaking, or a capture one manages, is reported.
        check(
            "Tribesmen declared control over Dorvana village at dawn.",
            rebels,
            Some(T::NonStateActorOvertakesTerritory),
        );
        check(
            "Militia fighters claimed to recapture three hamlets north of Dorvana.",
            rebels,
            Some(T::NonStateActorOvertakesTerritory),
        );
        check(
            "The factions pushed forward, managing to control two villages north of Dorvana.",
            rebels,
            Some(T::NonStateActorOvertakesTerritory),
        );
        check(
            "The militia stormed Dorvana and took control of the town before the brigade recovered it.",
            rebels,
            Some(T::ArmedClash),
        );
        check(
            "The brigade managed to restore control over Tell Hamra after clashes with the militia.",
            rebels,
            Some(T::NonStateActorOvertakesTerritory),
        );
        // A capture told as what came before the fighting, or in doubt.
        check(
            "Following the capture of Tell Hamra by the army, clashes continued in the hills.",
            state,
            Some(T::ArmedClash),
        );
        check("The militia clashed with the brigade after the town was captured.", rebels, Some(T::ArmedClash));
        check(
            "The army clashed with the militia; reports conflicted as to whether it captured Tell Hamra.",
            state,
            Some(T::ArmedClash),
        );
        // Most of a town, or a town lost again the same day, is a clash.
        check("The militia captured most of Tell Hamra after clashes with the army.", rebels, Some(T::ArmedClash));
        check("The militia captured the southern parts of Tell Hamra from the army.", rebels, Some(T::ArmedClash));
        check("The army regained the hill during clashes, then lost it again.", state, Some(T::ArmedClash));
        // People taken in a fight are not a place taken.
        check("During the clashes the brigade captured at least 11 soldiers.", rebels, Some(T::ArmedClash));
        check(
            "The militia clashed with the brigade, capturing 10 in addition to two tanks.",
            rebels,
            Some(T::ArmedClash),
        );
        check(
            "Two soldiers were reportedly captured by the militia near the hill.",
            rebels,
            Some(T::AbductionForcedDisappearance),
        );
        check("The brigade managed to capture one of the attackers.", state, Some(T::AbductionForcedDisappearance));
        // A military post taken is a fight over it, not a location taken.
        check("The militia took control of two army checkpoints near Tell Hamra.", rebels, Some(T::ArmedClash));
        check("The army captured several militia positions east of the town.", state, Some(T::ArmedClash));
        check("The brigade took over a checkpoint on the road.", rebels, Some(T::ArmedClash));
        check(
            "The militia captured the village of Tell Hamra and its positions.",
            rebels,
            Some(T::NonStateActorOvertakesTerritory),
        );
        check(
            "The militia re-captured Tell Hamra after clashes with the army.",
            rebels,
            Some(T::NonStateActorOvertakesTerritory),
        );
        check(
            "The militia managed to control 2 villages near the river.",
            rebels,
            Some(T::NonStateActorOvertakesTerritory),
        );
        check(
            "The militia shelled army controlled villages near the river.",
            rebels,
            Some(T::ShellingArtilleryMissileAttack),
        );
        check("The militia controlled the village after clashes.", rebels, Some(T::NonStateActorOvertakesTerritory));
        check("The army controlled al-Shomarah after clashes.", state, Some(T::GovernmentRegainsTerritory));
        // Present tense, "the control", and a takeover declared.
        check("Marines take the control of Dorvana by dusk.", state, Some(T::GovernmentRegainsTerritory));
        check(
            "Insurgents now establish total control of Kessel Ford.",
            rebels,
            Some(T::NonStateActorOvertakesTerritory),
        );
        check(
            "The insurgents announced the takeover of the town of Dorvana.",
            rebels,
            Some(T::NonStateActorOvertakesTerritory),
        );
        check(
            "Insurgents overtook a hill outpost beyond Kessel Ford.",
            rebels,
            Some(T::NonStateActorOvertakesTerritory),
        );
        check("Marines secured the village of Dorvana at dawn.", state, Some(T::GovernmentRegainsTerritory));
        // A bomb site, a firm or a mine taken over is no territory.
        check(
            "A mine exploded in Dorvana. Police secured the area of the blast.",
            state,
            Some(T::RemoteExplosiveLandmineIed),
        );
        check("The junta announced its takeover of the copper mine near Dorvana.", state, None);
        check("The council declared the takeover of Kessel Telecom.", state, None);
        // Not territory: a takeover spoken of, a vehicle overtaken, a deal secured.
        check("The brigade secured the release of two hostages.", rebels, None);
        check("A lorry overtook the bus near the hill.", rebels, None);
        // A place lost again within hours.
        check(
            "The militia took control of Tell Hamra before the army regain control of it after a few hours.",
            rebels,
            Some(T::ArmedClash),
        );
    }

    #[test]
    fn what_is_taken_is_read_where_the_capture_names_it() {
        use SubEventType as T;
        let rebels = Parties { subject_state: Some(false), ..Parties::default() };
        let state = Parties { subject_state: Some(true), ..Parties::default() };
        // Arms and people taken, and people taken to be killed, are no place.
        check("Insurgents seized crates of arms and armour from a depot.", rebels, Some(T::DisruptedWeaponsUse));
        // A capture told as what came before, or one that did not happen.
        check("Insurgents raided Dorvana, which the marines had seized in spring.", rebels, Some(T::Attack));
        check("Insurgents bombarded their newly seized hamlets.", rebels, Some(T::ShellingArtilleryMissileAttack));
        check("A smuggler was shot dead while evading capture.", rebels, Some(T::Attack));
        // "Recently" before a finite verb is still a capture.
        check("Insurgents recently seized the town of Dorvana.", rebels, Some(T::NonStateActorOvertakesTerritory));
        // A vague stretch or buildings of a place are no location taken.
        check("The army took control of some new areas east of the ridge.", state, Some(T::ArmedClash));
        check("The militia took control of six houses in Tell Hamra.", rebels, Some(T::ArmedClash));
        check("The army seized the Nour street in Tell Hamra.", state, Some(T::ArmedClash));
        // The one building left of a place is the place itself.
        check(
            "The army retook the last rebel-held building in Tell Hamra.",
            state,
            Some(T::GovernmentRegainsTerritory),
        );
        check(
            "The army took control of two buildings and the village of Tell Hamra.",
            state,
            Some(T::GovernmentRegainsTerritory),
        );
        // People named earlier in the clause are not what a passive capture takes.
        check(
            "The hamlet where militia fighters were based was captured by the brigade near the river.",
            rebels,
            Some(T::NonStateActorOvertakesTerritory),
        );
        check(
            "The soldiers who were captured by the militia were taken away.",
            rebels,
            Some(T::AbductionForcedDisappearance),
        );
        check("Three fighters were captured near the hill.", rebels, Some(T::AbductionForcedDisappearance));
        // A place taken from people is territory; the people taken are not.
        check(
            "The brigade captured Tel Kharaz from militia fighters.",
            rebels,
            Some(T::NonStateActorOvertakesTerritory),
        );
        check("The brigade seized Kafr Amin from the army's soldiers.", state, Some(T::GovernmentRegainsTerritory));
        check("The brigade captured two fighters in Tel Kharaz.", rebels, Some(T::AbductionForcedDisappearance));
        // People taken out of a group are still people taken.
        check("The brigade captured a cook from the garrison soldiers.", rebels, Some(T::AbductionForcedDisappearance));
        check("The brigade captured a Dane from the relief workers.", rebels, Some(T::AbductionForcedDisappearance));
        check(
            "The brigade captured twenty from among militia fighters.",
            rebels,
            Some(T::AbductionForcedDisappearance),
        );
        check(
            "The brigade clashed with the militia, and 15 fighters of the militia were captured in Kafr Nabl.",
            state,
            Some(T::ArmedClash),
        );
        check(
            "One emir of a foreign nationality was captured by the brigade.",
            state,
            Some(T::AbductionForcedDisappearance),
        );
        // A bare count is of people; a count of places names them.
        check(
            "The brigade fought the militia by the dam; seven of its men died and 4 captured.",
            state,
            Some(T::ArmedClash),
        );
        check("The brigade fought the militia, and 10-12 were captured.", state, Some(T::ArmedClash));
        check(
            "Two hamlets were captured by the brigade after a long fight.",
            rebels,
            Some(T::NonStateActorOvertakesTerritory),
        );
        // A second act on what was seized keeps it equipment.
        let armed = Parties { subject_state: Some(false), target_armed: true, ..Parties::default() };
        check("The brigade raided a militia post, seizing and burning two trucks.", armed, Some(T::ArmedClash));
        // "Regime controlled" qualifies a place, as "regime-controlled" does.
        check("A sniper shot a soldier dead in regime controlled Tell Hamra.", armed, Some(T::ArmedClash));
        check(
            "The militia controlled Tell Hamra after a long fight.",
            rebels,
            Some(T::NonStateActorOvertakesTerritory),
        );
        // A post taken together with a village is a location taken.
        check(
            "The militia took control of the Tell Hamra checkpoint and the village of Kafr Nabl from the army.",
            rebels,
            Some(T::NonStateActorOvertakesTerritory),
        );
        check(
            "The army captured two checkpoints and Kafr Nabl village after clashes.",
            state,
            Some(T::GovernmentRegainsTerritory),
        );
        check(
            "The militia took control of the Tell Hamra checkpoint and the town's entrance.",
            rebels,
            Some(T::ArmedClash),
        );
        // A part of a place is partial control only as what the capture takes.
        check(
            "The militia captured Tell Hamra, where the majority of residents had already fled.",
            rebels,
            Some(T::NonStateActorOvertakesTerritory),
        );
        check(
            "The militia captured Tell Hamra after most of the army had withdrawn the day before.",
            rebels,
            Some(T::NonStateActorOvertakesTerritory),
        );
        check("The militia captured the majority of Tell Hamra from the army.", rebels, Some(T::ArmedClash));
        check("The militia advanced to control the majority of Tell Hamra village.", rebels, Some(T::ArmedClash));
        check("The army took control of most of the hill after clashes.", state, Some(T::ArmedClash));
        check(
            "The army advanced to control the southern and eastern parts of the old city.",
            state,
            Some(T::ArmedClash),
        );
        check("The brigade had captured significant parts of the town by nightfall.", rebels, Some(T::ArmedClash));
        check("Most of the town was captured by the militia on Sunday.", rebels, Some(T::ArmedClash));
    }

    #[test]
    fn crowds_protests_and_the_force_they_meet() {
        use SubEventType as T;
        let none = Parties::default();
        let state = Parties { subject_state: Some(true), ..Parties::default() };
        check("A mob lynched a man accused of stealing a goat.", none, Some(T::MobViolence));
        check("Angry villagers beat two suspected thieves to death.", none, Some(T::MobViolence));
        check("Residents said gunmen attacked the village at dawn.", none, Some(T::Attack));
        check(
            "Police shot at villagers who stoned two suspected cattle thieves at the market.",
            none,
            Some(T::MobViolence),
        );
        check("Supporters of two rival candidates fought with clubs outside the hall.", none, Some(T::MobViolence));
        check(
            "Police fired tear gas at opposition supporters outside the court.",
            none,
            Some(T::ProtestWithIntervention),
        );
        check(
            "Riot police used water cannon on students marching to parliament.",
            state,
            Some(T::ProtestWithIntervention),
        );
        check("Protesters set a police car on fire and blocked the highway.", none, Some(T::ViolentDemonstration));
        check("Protesters attacked the district office with stones.", none, Some(T::ViolentDemonstration));
        check("Troops opened fire on the protesters, killing four.", state, Some(T::ExcessiveForceAgainstProtesters));
        check("Traders marched to the town hall to protest against new levies.", none, Some(T::PeacefulProtest));
        check("Families held a vigil outside the ministry.", none, Some(T::PeacefulProtest));
        check("Gunmen killed nine villagers in an attack on the hamlet.", none, Some(T::Attack));
        let civ = Parties { target_civilian: true, ..Parties::default() };
        let armed = Parties { target_armed: true, ..Parties::default() };
        check("Militiamen stormed the hamlet at dawn and shot dead eleven herders.", civ, Some(T::Attack));
        check("Rebels stormed the hilltop post and killed four soldiers.", armed, Some(T::ArmedClash));
        check(
            "Nurses marched to the ministry on Monday to demand the release of arrested colleagues.",
            none,
            Some(T::PeacefulProtest),
        );
        check(
            "Farmers rallied in the square, calling for better protection from raids and killings.",
            none,
            Some(T::PeacefulProtest),
        );
        check(
            "Protesters demanding the release of a detained cleric stormed and torched the courthouse.",
            none,
            Some(T::ViolentDemonstration),
        );
        check("A suicide bomber struck a campaign rally in the market town.", none, Some(T::SuicideBomb));
        check("Youths protesting the killing of a trader blocked the main road.", none, Some(T::PeacefulProtest));
    }

    #[test]
    fn property_bases_groups_and_other_developments() {
        use SubEventType as T;
        let none = Parties::default();
        check("Unidentified men set fire to a primary school overnight.", none, Some(T::LootingPropertyDestruction));
        check(
            "The militia set up a checkpoint on the road to the mines.",
            none,
            Some(T::HeadquartersOrBaseEstablished),
        );
        check(
            "The army established a forward operating base near the lake.",
            none,
            Some(T::HeadquartersOrBaseEstablished),
        );
        check("Aid agencies set up camps for the displaced near the town.", none, None);
        check("The group announced the appointment of a new leader.", none, Some(T::ChangeToGroupActivity));
        check("A faction broke away from the movement on Monday.", none, Some(T::ChangeToGroupActivity));
        check("The insurgents announced the end of their unilateral ceasefire.", none, Some(T::ChangeToGroupActivity));
        check("Armed men ordered villagers to leave within three days.", none, Some(T::Other));
        check("The rebels imposed a new tax on livestock traders.", none, Some(T::Other));
        check("A drone hit a fuel depot in the occupied town.", none, Some(T::AirDroneStrike));
        check("Police fired mortars at the palace.", none, Some(T::ShellingArtilleryMissileAttack));
        check("Rebels fired rockets at the base and the army responded with artillery.", none, Some(T::ArmedClash));
        check("Air defences downed two enemy drones over the port.", none, Some(T::DisruptedWeaponsUse));
        check("A grenade exploded after being thrown into a bar.", none, Some(T::Grenade));
        check("Police fired stun grenades at the crowd.", none, Some(T::ProtestWithIntervention));
    }

    /// Wordings of set A of the snippet fixtures, made general.
    #[test]
    fn abductions_crowds_and_changes() {
        use SubEventType as T;
        let none = Parties::default();
        let police = Parties { target_armed: true, ..Parties::default() };
        check("Bandits attacked the hamlet, injuring three herders and abducting a teacher.", none, Some(T::Attack));
        check("Youths armed with machetes clashed with cattle keepers near the ford.", none, Some(T::ArmedClash));
        check("Gunmen raided the farm and killed two herders.", none, Some(T::Attack));
        check("The student has not been seen since, his family said.", none, Some(T::AbductionForcedDisappearance));
        check("Youths armed with sticks attacked shops owned by migrants.", none, Some(T::MobViolence));
        check("Residents set fire to the homes of the accused family.", none, Some(T::MobViolence));
        check("Supporters torched buses during a protest in the city.", none, Some(T::ViolentDemonstration));
        check("Supporters clashed with police, throwing stones at them.", police, Some(T::ViolentDemonstration));
        check("Students smashed the windows of the ministry during a protest.", none, Some(T::ViolentDemonstration));
        check("Police beat protesters, leaving dozens hospitalised.", none, Some(T::ExcessiveForceAgainstProtesters));
        check("Thousands marched peacefully through the capital.", none, Some(T::PeacefulProtest));
        check("The government deployed police reservists to the county.", none, Some(T::ChangeToGroupActivity));
        check("Forty militiamen surrendered their weapons to the army.", none, Some(T::ChangeToGroupActivity));
        check("The junta dissolved parliament on Monday.", none, Some(T::Other));
        check("Armed men ordered all farmers in the area to leave their fields.", none, Some(T::Other));
        check("Troops seized rockets, mortar rounds and ammunition in a house.", none, Some(T::DisruptedWeaponsUse));
        check("Militants destroyed two telecommunication towers.", none, Some(T::LootingPropertyDestruction));
    }

    #[test]
    fn agreements_and_ended_fighting() {
        use SubEventType as T;
        let none = Parties::default();
        check("Rival militias reached a truce, ending three days of fighting.", none, Some(T::Agreement));
        check("The two sides signed a cessation of hostilities in the capital.", none, Some(T::Agreement));
        check("The army and the rebels exchanged the bodies of fallen fighters.", none, Some(T::Agreement));
        check("The militants released two prisoners as part of an exchange.", none, Some(T::Agreement));
        check("Gunmen raped two women fleeing the fighting.", none, Some(T::SexualViolence));
        check("Elders signed a peace agreement, ending months of cattle raids.", none, Some(T::Agreement));
        check("The factions agreed to a truce after two days of fighting.", none, Some(T::Agreement));
        check("The two sides concluded a deal to reopen the roads.", none, Some(T::Agreement));
    }

    /// Who is hit and whether they fought decide between an attack and a
    /// clash; a suicide bombing opens an assault it is part of.
    #[test]
    fn one_sided_assaults_and_two_sided_fights() {
        use SubEventType as T;
        let on_civilians =
            Parties { target_civilian: true, one_sided: true, subject_state: Some(false), ..Parties::default() };
        let on_troops = Parties { target_armed: true, one_sided: true, ..Parties::default() };
        check("Bandits stormed the hamlet at dawn, killing four herders.", on_civilians, Some(T::Attack));
        check("Raiders ambushed a minibus on the highway, wounding six passengers.", on_civilians, Some(T::Attack));
        check("Rebels stormed the hilltop post, killing four soldiers.", on_troops, Some(T::ArmedClash));
        let fought = Parties { target_civilian: true, ..Parties::default() };
        check("Herders and farmers clashed near the ford, killing four villagers.", fought, Some(T::ArmedClash));
        let assault = Parties { one_sided: true, ..Parties::default() };
        check(
            "Two suicide car bombers rammed the gate and gunmen stormed the barracks.",
            assault,
            Some(T::SuicideBomb),
        );
        check("A bomber set off his explosives at the gate of the barracks.", assault, Some(T::SuicideBomb));
        check(
            "Suicide bombers struck the post before hours of clashes with the garrison.",
            Parties::default(),
            Some(T::ArmedClash),
        );
    }

    #[test]
    fn a_place_left_or_handed_over_without_a_fight_is_a_transfer() {
        use SubEventType as T;
        let none = Parties::default();
        let state = Parties { subject_state: Some(true), ..Parties::default() };
        let rebels = Parties { subject_state: Some(false), ..Parties::default() };
        check(
            "The peacekeepers pulled out of the camp and the army took it over.",
            state,
            Some(T::NonViolentTransferOfTerritory),
        );
        check(
            "The foreign troops withdrew from the crossing and local guards assumed control.",
            rebels,
            Some(T::NonViolentTransferOfTerritory),
        );
        check(
            "The army took over two checkpoints from the militia without a fight.",
            state,
            Some(T::NonViolentTransferOfTerritory),
        );
        check("The army took over two checkpoints from the militia after clashes.", state, Some(T::ArmedClash));
        // A withdrawal told as the cause of a capture, or a place taken back.
        check(
            "Troops seized the hamlet after the militia withdrew from it.",
            state,
            Some(T::GovernmentRegainsTerritory),
        );
        check("The rebels withdrew from the town and the army retook it.", state, Some(T::GovernmentRegainsTerritory));
        check("The mission withdrew from the town on Monday.", none, Some(T::NonViolentTransferOfTerritory));
    }

    #[test]
    fn who_ends_up_holding_a_place_decides_its_territory_type() {
        use SubEventType as T;
        let state = Parties { subject_state: Some(true), ..Parties::default() };
        let rebels = Parties { subject_state: Some(false), ..Parties::default() };
        check(
            "The town fell to militia fighters after a two-day battle.",
            rebels,
            Some(T::NonStateActorOvertakesTerritory),
        );
        check(
            "The militia advanced on the town and took it from the army.",
            rebels,
            Some(T::NonStateActorOvertakesTerritory),
        );
        check("Troops wrested back three villages after heavy fighting.", state, Some(T::GovernmentRegainsTerritory));
    }

    #[test]
    fn crowds_that_kill_and_force_met_by_protests() {
        use SubEventType as T;
        let crowd = Parties { crowd: true, ..Parties::default() };
        check(
            "Villagers armed with axes chased and killed a man suspected of witchcraft.",
            crowd,
            Some(T::MobViolence),
        );
        check("A crowd at the bus park set fire to a suspected thief.", crowd, Some(T::MobViolence));
        let against_police = Parties { crowd: true, target_armed: true, ..Parties::default() };
        check("Armed youths shot at the police post, wounding two officers.", against_police, Some(T::ArmedClash));
        let none = Parties::default();
        check("Police opened fire on a peaceful march, killing two.", none, Some(T::ExcessiveForceAgainstProtesters));
        check("A sit-in by nurses was broken up by police.", none, Some(T::ProtestWithIntervention));
    }

    #[test]
    fn weapons_named_by_how_they_were_set_or_stopped() {
        use SubEventType as T;
        let none = Parties::default();
        check("Explosives planted on the road hit an army truck.", none, Some(T::RemoteExplosiveLandmineIed));
        check("Air defences destroyed 20 of the 25 drones launched at the city.", none, Some(T::DisruptedWeaponsUse));
    }

    #[test]
    fn claims_of_attacks_told_elsewhere_make_no_event() {
        use SubEventType as T;
        let none = Parties::default();
        check("The group claimed responsibility for the attack on the mosque.", none, None);
        check("The militants claimed last week's bombing of the market.", none, None);
        check("The army blamed the rebels for the ambush on the convoy.", none, None);
        check("They accuse the branch of abducting an activist.", none, None);
        check("The group claimed to have killed five soldiers near the border.", none, Some(T::Attack));
    }

    #[test]
    fn every_cue_pattern_has_literal_prefixes() {
        // A pattern without them would run on every sentence.
        let no_prefixes = crate::RuleCandidates::split(crate::RULES.no_prefixes).cues;
        assert_eq!(no_prefixes, 0, "cue patterns without prefixes (bits)");
    }

    /// Searches anchored at the prefixes' starts find what searching every
    /// sentence from its start finds: overlapping and adjacent wordings,
    /// case, qualifiers, several matches of one pattern; a folding
    /// character leaves the article without starts.
    #[test]
    fn searches_from_prefix_starts_find_every_cue() {
        let plain = "Rebels RETOOK the town, then re-took it again. Troops shelled and shelled, killing 3; \
            a suicide car bomb exploded. IS-held areas were captured by the army.\n\
            Protesters rallied, police fired tear gas. Clashes, clashes and more clashes. Nothing here.";
        let folded = "The \u{212A}illing of two men was reported. Gunmen killed a farmer.";
        for (text, at_least, with_starts) in [(plain, 12, true), (folded, 1, false)] {
            let c = crate::clean::CleanText::verbatim(text);
            let (sentences, starts) = crate::segment::sentences_and_starts(&c);
            let mut found = 0;
            for s in &sentences {
                assert_eq!(s.rules.starts.is_some(), with_starts, "{text:?}");
                let sentence = s.text(&c);
                let run = s.rules.starts.map(|(a, b)| &starts[a as usize..b as usize]);
                let fast = cues_among(sentence, s.start, s.rules, run);
                let every = crate::RuleCandidates { cues: (1 << PATTERNS) - 1, ..s.rules };
                assert_eq!(fast, cues_among(sentence, s.start, every, None), "{sentence:?}");
                found += fast.len();
            }
            assert!(found >= at_least, "{found} cues in {text:?}");
        }
    }

    #[test]
    fn clauses_and_negations_are_read_from_the_end() {
        assert_eq!(last_words("they did not   capture the ", 3), "not   capture the ");
        assert_eq!(last_words("no\u{a0}more", 6), "no\u{a0}more");
        let text = "He said: the army, but not the police, retook it";
        let breaks = clause_breaks(text);
        assert_eq!(clause_before(text, text.len(), &breaks), " but not the police, retook it");
        assert_eq!(clause_before(text, 5, &breaks), "He sa");
        let none = Parties::default();
        check("The rebels did not capture the hill.", none, None);
        check("Fighters failed to quickly retake the hill.", none, None);
    }

    #[test]
    fn non_political_text() {
        assert!(non_political("At least 7 die as a light aircraft crashes into a suburb."));
        assert!(non_political("A flood swept away houses in the valley."));
        assert!(!non_political("Rebels shelled the town."));
        assert!(non_political("A fire at a garment factory killed 17 workers."));
        assert!(non_political("Police seized two tonnes of cocaine at the port."));
        assert!(!non_political("Villagers lynched a suspected thief in the market."));
        assert!(!non_political("The government and the rebels signed an agreement to begin a bilateral truce."));
    }
}
