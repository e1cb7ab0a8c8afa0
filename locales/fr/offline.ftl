# What every page says of the device and the network (app/offline/page.js, bundled by
# scripts/build-sw.mjs: plain messages, with { $name } arguments only).
offline-since = Hors ligne · mis à jour { $age }
offline-kept = Hors ligne · ce que vous voyez est gardé sur cet appareil
updated = Mis à jour { $age }
just-now = à l’instant
pending-one = 1 inscription en attente d’envoi : elle partira dès que le réseau reviendra
pending-other = { $count } inscriptions en attente d’envoi : elles partiront dès que le réseau reviendra
pending-arrived = Votre inscription est arrivée : voir la réponse
update-ready = Une nouvelle version de Relais est prête.
update-reload = Recharger
install-suggest = Gardez Relais sur cet appareil : il s’ouvrira même sans réseau.
install-accept = Installer
install-decline = Non merci
