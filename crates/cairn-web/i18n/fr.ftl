# Chaînes de l'interface de Cairn, en français. Mêmes clés que en.ftl (un test le vérifie).

## Layout
skip-to-content = Aller au contenu
nav-label = Principal
nav-verify = Vérifier
nav-wallet = Portefeuille
nav-console = Console
nav-sign-in = Se connecter
nav-sign-out = Se déconnecter ({ $name })
footer = Cairn — des certifications Open Badges 3.0 vérifiables.

## Errors
error-title = Un problème est survenu
error-home = Retour à l'accueil
error-internal = Une erreur interne s'est produite. Elle a été consignée ; réessayez plus tard.
error-not-found = Cette page n'existe pas, ou vous n'avez pas le droit de la voir.
error-unauthorized = Connectez-vous pour continuer.
error-rate-limited = Trop d'essais infructueux pour ce compte. Attendez 15 minutes et réessayez.

## Fields
field-email = Adresse e-mail
field-password = Mot de passe
field-name = Votre nom
password-hint = Au moins 10 caractères.

## Home
home-title = Reconnaître les compétences avec des certifications vérifiables
home-intro = Cairn délivre des certifications Open Badges 3.0 que chacun peut vérifier, les conserve dans un portefeuille et vérifie celles de tout émetteur.
home-needs-setup = Ce Cairn n'a pas encore d'administrateur.
home-setup-link = Créer le premier administrateur
home-verify-title = Vérifier une certification
home-verify-text = Vérifiez un fichier, une image ou un lien de badge, quel qu'en soit l'émetteur. Sans compte.
home-verify-action = Vérifier une certification
home-wallet-title = Votre portefeuille
home-wallet-text = Réclamez, conservez et partagez les certifications que vous avez obtenues.
home-wallet-action = Ouvrir le portefeuille
home-console-title = Console de l'émetteur
home-console-text = Concevez des réussites, attribuez-les et gérez ce que vous avez délivré.
home-console-action = Ouvrir la console

## Sign in, sign up, set up
sign-in-title = Se connecter
sign-in-action = Se connecter
sign-in-wrong = L'adresse e-mail ou le mot de passe est incorrect.
sign-in-no-account = Pas encore de compte ?
sign-up-title = Créer un compte
sign-up-intro = Un compte réunit dans un portefeuille les certifications que vous obtenez.
sign-up-action = Créer le compte
sign-up-have-account = Vous avez déjà un compte ?
setup-title = Configurer Cairn
setup-intro = Créez le premier administrateur avec le jeton de configuration affiché par « cairn serve » à son premier démarrage.
setup-token = Jeton de configuration
setup-token-hint = Affiché une seule fois dans la sortie du serveur ; il ne sert qu'une fois.
setup-action = Créer l'administrateur
setup-done = Ce Cairn est déjà configuré.
setup-wrong-token = Ce jeton n'est pas celui affiché par le serveur.

## Console
console-title = Console de l'émetteur
console-tabs-label = Organisation
console-tab-dashboard = Tableau de bord
console-tab-achievements = Réussites
console-tab-award = Attribuer
console-tab-credentials = Certifications délivrées
console-tab-settings = Paramètres
console-no-orgs = Il n'y a encore aucune organisation.
console-your-role = Votre rôle :

## Issuing (dashboard, award, bulk jobs, issued credentials)
issue-choose = Choisir…
issue-field-achievement = Réussite
issue-field-recipient = Destinataire
issue-field-name = Nom du destinataire
issue-field-issued-on = Date d'attribution
issue-field-valid-until = Date d'expiration
issue-field-evidence = Preuve
issue-field-evidence-url = URL de la preuve
issue-field-evidence-narrative = Description de la preuve
issue-field-result = Résultat
issue-field-csv = Fichier CSV
issue-field-reason = Motif
issue-state-active = Actif
issue-state-suspended = Suspendu
issue-state-revoked = Révoqué
issue-dash-title = Tableau de bord
issue-dash-totals = Depuis le début
issue-dash-issued = Délivrés
issue-dash-claimed = Récupérés
issue-dash-viewed = Pages consultées
issue-dash-verified = Vérifications
issue-dash-award = Attribuer un titre
issue-dash-list = Voir les titres délivrés
issue-dash-days = 30 derniers jours, par jour
issue-dash-days-desc = Sur les 30 derniers jours :
issue-dash-weeks = 26 dernières semaines, par semaine
issue-dash-weeks-desc = Sur les 26 dernières semaines :
issue-dash-table = Afficher les chiffres sous forme de tableau
issue-dash-period = Période commençant le
issue-award-title = Attribuer
issue-award-no-achievements = Cette organisation n'a encore aucune réussite. Créez-en une d'abord :
issue-award-one = Attribuer à une personne
issue-award-recipient-hint = Une adresse e-mail (la personne reçoit un lien pour le récupérer) ou un DID.
issue-award-name-hint = Facultatif ; utilisé dans l'e-mail, pas dans le titre.
issue-award-dates = Dates
issue-award-issued-on-hint = Facultatif ; aujourd'hui si vide.
issue-award-valid-until-hint = Facultatif ; d'après la durée de validité de la réussite si vide.
issue-award-result-hint = Facultatif, par exemple une note.
issue-award-one-action = Attribuer le titre
issue-awarded-title = Titre délivré
issue-awarded-text = Le titre « { $achievement } » a été délivré.
issue-awarded-repeat = Ce formulaire avait déjà été envoyé : voici le titre qu'il a délivré, rien n'a été délivré deux fois.
issue-awarded-public = Ouvrir la page publique du titre
issue-awarded-json = Télécharger le titre (JSON)
issue-awarded-another = Attribuer un autre titre
issue-csv-heading = Attribuer à plusieurs personnes depuis un fichier CSV
issue-csv-intro = Envoyez un fichier CSV avec une ligne par personne. Vous verrez un rapport de chaque ligne avant toute délivrance.
issue-csv-template = Télécharger le modèle CSV
issue-csv-columns = Colonnes (seule recipient est obligatoire) :
issue-csv-check = Vérifier le fichier
issue-report-title = Vérification du fichier CSV
issue-report-rows = Lignes lues
issue-report-valid = Lignes pouvant être délivrées
issue-report-all-valid = Toutes les lignes peuvent être délivrées.
issue-report-problems = { $count ->
    [one] Un problème a été trouvé.
   *[other] { $count } problèmes ont été trouvés.
}
issue-report-problems-heading = Problèmes
issue-report-row = Ligne
issue-report-column = Colonne
issue-report-problem = Problème
issue-report-skip = Les lignes qui posent problème seront ignorées ; corrigez-les dans un nouveau fichier pour les délivrer plus tard.
issue-report-confirm = { $count ->
    [one] Délivrer 1 titre
   *[other] Délivrer { $count } titres
}
issue-report-cancel = Annuler
issue-report-none = Aucune ligne ne peut être délivrée. Corrigez le fichier et envoyez-le à nouveau.
issue-report-again = Envoyer un autre fichier
issue-job-title = Délivrance groupée
issue-job-started = Commencée le
issue-job-progress = Avancement
issue-job-running = Délivrance en cours…
issue-job-done = Terminé.
issue-job-cancelled = Annulé.
issue-job-counts = { $issued } délivrés, { $failed } en échec, sur { $total }.
issue-job-failures = Lignes en échec
issue-job-credentials = Voir les titres de cette délivrance
issue-list-title = Titres délivrés
issue-list-search = Destinataire (adresse e-mail ou DID, ou une partie)
issue-list-any = Tous
issue-list-state = État
issue-list-job-only = Seuls les titres d'une délivrance groupée sont affichés.
issue-list-show-all = Tout afficher
issue-list-filter = Rechercher
issue-list-empty = Aucun titre ne correspond.
issue-list-issued = Délivré le
issue-list-links = Liens
issue-list-actions = Actions
issue-list-public = Page publique
issue-list-reason-hint = Facultatif ; conservé avec le titre, non publié.
issue-list-revoke = Révoquer
issue-list-revoke-confirm = Révoquer ce titre ? La révocation est définitive.
issue-list-suspend = Suspendre
issue-list-suspend-confirm = Suspendre ce titre ? Il ne sera plus valide tant qu'il n'est pas rétabli.
issue-list-reinstate = Rétablir
issue-list-notice-revoked = Le titre a été révoqué.
issue-list-notice-suspended = Le titre a été suspendu.
issue-list-notice-reinstated = Le titre a été rétabli.
issue-list-pages = Pages
issue-list-prev = Page précédente
issue-list-next = Page suivante
issue-list-page = Page { $page }
