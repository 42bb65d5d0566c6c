// Every text of the participant page, in English and French. The bank texts come from the API.
import type { Lang } from './types';

const en = {
  pageTitle: 'Mamos live vote',
  language: 'Language',
  workshopOn: 'Workshop of {date}',
  pickName: 'Who are you?',
  pickNameHint: 'Pick your name to join the vote.',
  alreadyJoined: 'already joined',
  joining: 'Joining…',
  joinedAs: 'You are {name}',
  waiting: 'Waiting for the coach to show a practice.',
  practiceOf: 'Practice {position} of {count}',
  yourVote: 'Your vote',
  voteHint: 'Pick a level. You can change your vote until the coach reveals the votes.',
  levelLabel: 'Level {level}',
  notApplicable: 'N/A',
  notApplicableLong: 'Not applicable',
  reason: 'Why is it not applicable? (required)',
  voteNa: 'Vote N/A',
  reasonRequired: 'Write a reason for N/A.',
  yourVoteIs: 'Your vote: {vote}',
  noVoteYet: 'You have not voted yet.',
  whoVoted: 'Who has voted',
  whoJoined: 'Who has joined',
  voted: 'voted',
  notVotedYet: 'not yet',
  notJoined: 'not joined',
  votesCount: '{voted} of {joined} have voted',
  revealedTitle: 'The votes',
  spread: 'Spread: {spread}',
  spreadAllNa: 'Spread: every vote is N/A',
  noVotes: 'Nobody voted on this practice.',
  toDiscuss: 'To discuss: the votes disagree',
  reconnecting: 'Reconnecting…',
  sessionEnded: 'This live vote has ended. To go on, open the new link or scan the new QR code the coach shows.',
  announcePractice: 'New practice: {title}',
  announceRevealed: 'The votes are revealed.',
  announceVoteSaved: 'Vote saved: {vote}',
  announceJoined: 'Joined as {name}.',
  errorNetwork: 'The coach’s computer cannot be reached. Check the Wi-Fi and try again.',
  errorStatus: 'The coach’s computer answered with an error ({status}). Try again.',
  paceTitle: 'Pace',
  agendaDone: '{done} done',
  agendaDoneOne: '{done} done',
  agendaDoneOf: '{done} of {total} done',
  agendaMinutesLeft: '{minutes} min left',
  agendaMinutesOver: '{minutes} min over time',
  timeboxLeft: 'left on this practice',
  timeboxOver: 'over time',
  timeboxMinutesSpoken: '{minutes} minutes left on this practice',
  timeboxLastMinute: 'Less than a minute left on this practice',
  timeboxOverSpoken: 'Time is up for this practice',
} as const;

export type Key = keyof typeof en;

const fr: Record<Key, string> = {
  pageTitle: 'Vote en direct Mamos',
  language: 'Langue',
  workshopOn: 'Atelier du {date}',
  pickName: 'Qui êtes-vous ?',
  pickNameHint: 'Choisissez votre nom pour rejoindre le vote.',
  alreadyJoined: 'déjà connecté·e',
  joining: 'Connexion…',
  joinedAs: 'Vous êtes {name}',
  waiting: 'En attente d’une pratique affichée par l’animateur.',
  practiceOf: 'Pratique {position} sur {count}',
  yourVote: 'Votre vote',
  voteHint: 'Choisissez un niveau. Vous pouvez changer votre vote jusqu’à ce que l’animateur révèle les votes.',
  levelLabel: 'Niveau {level}',
  notApplicable: 'N/A',
  notApplicableLong: 'Non applicable',
  reason: 'Pourquoi n’est-ce pas applicable ? (obligatoire)',
  voteNa: 'Voter N/A',
  reasonRequired: 'Écrivez une raison pour N/A.',
  yourVoteIs: 'Votre vote : {vote}',
  noVoteYet: 'Vous n’avez pas encore voté.',
  whoVoted: 'Qui a voté',
  whoJoined: 'Qui est connecté',
  voted: 'a voté',
  notVotedYet: 'pas encore',
  notJoined: 'pas connecté·e',
  votesCount: '{voted} sur {joined} ont voté',
  revealedTitle: 'Les votes',
  spread: 'Écart : {spread}',
  spreadAllNa: 'Écart : tous les votes sont N/A',
  noVotes: 'Personne n’a voté sur cette pratique.',
  toDiscuss: 'À discuter : les votes divergent',
  reconnecting: 'Reconnexion…',
  sessionEnded: 'Ce vote en direct est terminé. Pour continuer, ouvrez le nouveau lien ou scannez le nouveau QR code affiché par l’animateur.',
  announcePractice: 'Nouvelle pratique : {title}',
  announceRevealed: 'Les votes sont révélés.',
  announceVoteSaved: 'Vote enregistré : {vote}',
  announceJoined: 'Connecté·e en tant que {name}.',
  errorNetwork: 'L’ordinateur de l’animateur est injoignable. Vérifiez le Wi-Fi et réessayez.',
  errorStatus: 'L’ordinateur de l’animateur a répondu par une erreur ({status}). Réessayez.',
  paceTitle: 'Rythme',
  agendaDone: '{done} faites',
  // French keeps 0 and 1 singular.
  agendaDoneOne: '{done} faite',
  agendaDoneOf: '{done} sur {total} faites',
  agendaMinutesLeft: 'reste {minutes} min',
  agendaMinutesOver: '{minutes} min de dépassement',
  timeboxLeft: 'restant pour cette pratique',
  timeboxOver: 'temps dépassé',
  timeboxMinutesSpoken: 'Il reste {minutes} minutes pour cette pratique',
  timeboxLastMinute: 'Moins d’une minute pour cette pratique',
  timeboxOverSpoken: 'Le temps de cette pratique est écoulé',
};

export const catalogue: Record<Lang, Record<Key, string>> = { en, fr };

/** The text of `key` in `lang`, each `{name}` replaced by its parameter. */
export function t(lang: Lang, key: Key, params: Record<string, string | number> = {}): string {
  return catalogue[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export const LANG_STORAGE_KEY = 'mamos-live-lang';

/** The participant's remembered choice first, then the browser's language, then English. */
export function pickLanguage(stored: string | null, navigatorLanguage: string | undefined): Lang {
  if (stored === 'en' || stored === 'fr') return stored;
  return navigatorLanguage?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
