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
