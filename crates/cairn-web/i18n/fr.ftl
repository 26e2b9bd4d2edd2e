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

## Credential page and verification results (credential, verify)
date-months = janvier, février, mars, avril, mai, juin, juillet, août, septembre, octobre, novembre, décembre
date-long = { $day } { $month } { $year }
cred-unnamed = Badge sans nom
cred-unnamed-issuer = un émetteur sans nom
cred-issued-by = Délivré par
cred-issuer = Émetteur
cred-recipient = Décerné à
cred-recipient-holder = la personne qui détient { $id }
cred-recipient-hashed = une personne identifiée par une adresse e-mail hachée (elle seule peut prouver qu’elle est la sienne)
cred-recipient-inside = une personne identifiée dans l’attestation
cred-valid-from = Délivré le
cred-valid-until = Valable jusqu’au
cred-criteria = Comment il a été obtenu
cred-criteria-link = Critères
cred-skills = Compétences et référentiels
cred-tags = Mots-clés :
cred-details = Détails
cred-evidence = Preuves
cred-files = L’attestation
cred-files-intro = L’attestation signée fait foi. Gardez-en une copie : chaque fichier ci-dessous se vérifie partout, avec tout vérificateur Open Badges 3.0.
cred-file-json = Attestation signée (JSON-LD, lisible par machine)
cred-file-png = Image du badge contenant l’attestation (PNG)
cred-file-svg = Image du badge contenant l’attestation (SVG)
cred-claim-congrats = Félicitations, { $name } !
cred-claim-intro = Ce badge vous a été décerné. Gardez-en une copie : les fichiers ci-dessous contiennent l’attestation signée et se vérifient partout.
cred-fact-type = Type
cred-fact-field = Domaine d’études
cred-fact-code = Code
cred-fact-credits = Crédits
cred-fact-ects = Charge de travail (crédits ECTS)
cred-fact-hours = Charge de travail (heures)
cred-fact-eqf = Niveau CEC
cred-fact-assessment = Évaluation
cred-fact-participation = Modalité de participation
cred-fact-supervision = Surveillance et contrôle d’identité
cred-fact-quality = Assurance qualité
cred-fact-prerequisites = Prérequis
cred-fact-level = Niveau de maîtrise
cred-fact-category = Catégorie
verdict-title-ok = Vérifié
verdict-title-bad = Non valable
verdict-how = Comment cela a été vérifié
verdict-valid = Ce badge est valable : { $issuer } l’a délivré, il n’a pas été modifié depuis et il n’a pas été révoqué.
verdict-valid-no-status = Ce badge est valable : { $issuer } l’a délivré et il n’a pas été modifié depuis. Il n’a pas de liste de révocation : il ne peut pas être révoqué.
verdict-valid-status-unknown = La signature est valable : { $issuer } a délivré ce badge et il n’a pas été modifié. Sa révocation éventuelle n’a pas pu être vérifiée pour l’instant.
verdict-revoked = Ce badge a été révoqué par { $issuer }. Il n’est plus valable.
verdict-suspended = Ce badge est suspendu par { $issuer } pour le moment. Il n’est pas valable tant qu’il est suspendu.
verdict-expired = Ce badge a expiré.
verdict-not-yet-valid = Ce badge n’est pas encore valable.
verdict-tampered = Ce badge n’est pas digne de confiance : sa signature ne correspond pas à son contenu ; il a donc été modifié après sa délivrance ou n’a pas été délivré par { $issuer }.
verdict-malformed = Ce n’est pas une attestation Open Badges bien formée : elle n’est pas digne de confiance.
verdict-failed = Ce badge n’a pas pu être vérifié. Les contrôles ci-dessous indiquent ce qui n’a pas fonctionné.
outcome-passed = Réussi
outcome-failed = Échoué
outcome-warning = Avertissement
outcome-skipped = Non vérifié
check-parse = Lecture du fichier
check-parse-passed = Le fichier est une attestation que Cairn sait lire.
check-parse-failed = Le fichier n’a pas pu être lu comme une attestation.
check-context = Vocabulaire
check-context-passed = Elle utilise les vocabulaires standard des attestations vérifiables et d’Open Badges.
check-context-failed = Elle utilise un vocabulaire que Cairn ne connaît pas : son sens ne peut pas être vérifié.
check-data-model = Structure
check-data-model-passed = Elle contient toutes les parties qu’une attestation Open Badges doit avoir.
check-data-model-failed = Une partie obligatoire manque ou est mal formée.
check-data-model-warning = Un détail ne suit pas exactement la norme ; cela ne rend pas l’attestation invalide.
check-expansion = Sens de chaque champ
check-expansion-passed = Chaque champ a un sens défini : rien ne peut échapper à la signature.
check-expansion-failed = Certains champs n’ont pas de sens défini ; la signature ne peut pas les couvrir.
check-proof = Signature
check-proof-passed = La signature numérique correspond au contenu : rien n’a été modifié après la signature.
check-proof-failed = La signature numérique ne correspond pas : le contenu a été modifié, ou il a été signé avec une autre clé.
check-issuer = Clé de l’émetteur
check-issuer-passed = La clé qui l’a signée appartient à l’émetteur nommé dans l’attestation.
check-issuer-failed = La clé qui l’a signée n’appartient pas à l’émetteur nommé dans l’attestation.
check-validity = Dates de validité
check-validity-passed = La date du jour est comprise dans la période de validité de l’attestation.
check-validity-failed = La date du jour est hors de la période de validité (attestation expirée, ou pas encore valable).
check-status = Révocation
check-status-passed = La liste de révocation de l’émetteur indique qu’elle n’a été ni révoquée ni suspendue.
check-status-failed = La liste de révocation de l’émetteur indique qu’elle a été révoquée ou suspendue.
check-status-warning = La liste de révocation n’a pas pu être lue pour l’instant : on ne sait pas si elle a été révoquée.
check-status-skipped = L’attestation n’a pas de liste de révocation : elle ne peut pas être révoquée.
check-schema = Schéma
check-schema-passed = Elle est conforme au schéma qu’elle déclare.
check-schema-failed = Elle n’est pas conforme au schéma qu’elle déclare.
check-related-resource = Fichiers liés
check-related-resource-passed = Les fichiers liés qu’elle fixe par leur empreinte sont inchangés.
check-related-resource-failed = Un fichier lié qu’elle fixe par son empreinte a changé.
check-endorsement = Recommandations
check-endorsement-passed = Les recommandations qu’elle contient sont valables.
check-endorsement-failed = Une recommandation qu’elle contient n’est pas valable.
check-other-passed = Ce contrôle a réussi.
check-other-failed = Ce contrôle a échoué.
check-other-warning = Ceci n’a pas pu être entièrement vérifié ; le détail indique pourquoi.
check-other-skipped = Ceci n’a pas été vérifié ; le détail indique pourquoi.
verify-title = Vérifier une attestation
verify-intro = Vérifiez une attestation Open Badges 3.0 de n’importe quel émetteur : choisissez son fichier (le JSON, ou l’image du badge qui contient l’attestation), collez son JSON, ou donnez l’adresse où elle est publiée. Aucun compte n’est nécessaire.
verify-file = Fichier de l’attestation
verify-file-hint = JSON, ou image de badge PNG ou SVG contenant l’attestation. Vous pouvez aussi déposer le fichier ici.
verify-json = Ou collez le JSON de l’attestation
verify-json-hint = Le document JSON entier, qui commence par {"{"}.
verify-url = Ou son adresse web
verify-url-hint = L’adresse du JSON de l’attestation.
verify-order = Si vous en donnez plusieurs, le fichier est utilisé d’abord, puis le JSON collé, puis l’adresse.
verify-action = Vérifier
verify-result = Résultat
verify-privacy = Rien de ce que vous vérifiez ici n’est conservé.
verify-problem-title = Rien n’a pu être vérifié
verify-problem-empty = Choisissez un fichier, collez une attestation ou donnez son adresse.
verify-problem-not-baked = Cette image ne contient pas d’attestation, ou elle n’a pas pu être lue : { $reason }
verify-problem-ob2 = Cette image contient un badge Open Badges 2.0. Cairn ne vérifie que les attestations Open Badges 3.0.
verify-problem-jwt = Cette image contient une attestation signée sous forme de jeton JWT. Cairn ne vérifie que les signatures Data Integrity.
verify-problem-not-credential = Ce n’est pas une attestation : { $reason }
verify-problem-bad-url = L’adresse doit commencer par https:// ou http://.
verify-problem-offline = Ce serveur ne récupère pas de documents sur d’autres sites (la récupération en ligne est désactivée par son exploitant). Téléchargez plutôt l’attestation et choisissez le fichier, ou collez son JSON.
verify-problem-fetch = L’attestation n’a pas pu être récupérée : { $reason }

## Issuer page
issuer-meta-description = Badges délivrés par { $name }
issuer-logo-alt = Logo de { $name }
issuer-kind = Émetteur d’Open Badges
issuer-website = Site web
issuer-email = Courriel
issuer-address = Adresse
issuer-achievements = Badges
issuer-no-achievements = Aucun badge n’est encore publié.
issuer-verifiers = Pour les vérificateurs
issuer-verifiers-intro = Les attestations de cet émetteur le désignent par les adresses ci-dessous. Les vérificateurs y lisent ses clés publiques pour contrôler chaque signature.
issuer-id = Identifiant de l’émetteur
issuer-profile = Profil de l’émetteur (JSON-LD)
issuer-did = DID
issuer-did-document = Document DID
issuer-keys = Clés publiques
issuer-keys-intro = Les attestations de { $name } sont signées avec ces clés Ed25519. Les clés retirées restent listées pour que ce qu’elles ont signé soit toujours vérifiable.
issuer-key-active = signe les nouveaux badges
issuer-key-retired = retirée

## Achievement page
achievement-offered-by = Délivré par
achievement-version = version { $version }
achievement-criteria = Comment l’obtenir
achievement-criteria-link = Critères complets
achievement-skills = Compétences et référentiels
achievement-tags = Mots-clés :
achievement-details = Détails
achievement-eu = Microcertification européenne
achievement-eu-intro = Les éléments que l’Union européenne demande à chaque microcertification d’indiquer.
achievement-results = Résultats enregistrés
achievement-results-intro = Chaque attribution de ce badge peut enregistrer ces résultats.
achievement-machine = Pour les vérificateurs
achievement-machine-intro = Un logiciel qui demande du JSON-LD à cette adresse reçoit le badge au format Open Badges 3.0 :
achievement-type = Type
achievement-kind = Nature du badge
achievement-category = Catégorie
achievement-level = Niveau de maîtrise
achievement-field = Domaine d’études
achievement-specialization = Spécialisation
achievement-code = Code
achievement-credits = Crédits
achievement-credits-value =
    { $n ->
        [one] { $n } crédit
       *[other] { $n } crédits
    }
achievement-language = Langue
achievement-ects-value =
    { $n ->
        [one] { $n } crédit ECTS
       *[other] { $n } crédits ECTS
    }
achievement-hours-value =
    { $n ->
        [one] { $n } heure d’apprentissage
       *[other] { $n } heures d’apprentissage
    }
achievement-eu-workload = Charge de travail
achievement-eu-eqf = Niveau (cadre européen des certifications)
achievement-eqf-value = niveau { $level } du CEC sur 8
achievement-eu-assessment = Type d’évaluation
achievement-eu-participation = Modalité de participation
achievement-eu-quality = Assurance qualité
achievement-eu-prerequisites = Prérequis
achievement-eu-supervision = Surveillance et contrôle d’identité
achievement-result-allowed = Valeurs possibles : { $values }
achievement-result-required = Requis pour obtenir le badge : { $value }
achievement-result-range = De { $min } à { $max }
achievement-result-min = Au moins { $min }
achievement-result-max = Au plus { $max }
achievement-result-levels = Niveaux : { $levels }
achievement-kind-skill = Compétence
achievement-kind-completion = Formation suivie
achievement-kind-assessment = Évaluation réussie
achievement-kind-micro-credential = Microcertification européenne
achievement-type-competency = Compétence
achievement-type-completion = Attestation de formation
achievement-type-assessment = Évaluation
achievement-type-micro-credential = Microcertification
achievement-type-badge = Badge
achievement-type-course = Cours
achievement-type-certificate = Certificat
achievement-participation-online = En ligne
achievement-participation-onsite = En présentiel
achievement-participation-blended = Hybride (en ligne et en présentiel)
achievement-result-type-gpa = moyenne générale
achievement-result-type-letter = note en lettre
achievement-result-type-percent = pourcentage
achievement-result-type-performance = niveau de performance
achievement-result-type-score = score
achievement-result-type-rubric = grille d’évaluation
achievement-result-type-status = statut
