# What every page says of the device and the network (app/offline/page.js, bundled by
# scripts/build-sw.mjs: plain messages, with { $name } arguments only).
offline-since = Offline · updated { $age }
offline-kept = Offline · what you see is kept on this device
updated = Updated { $age }
just-now = just now
pending-one = 1 registration waiting to be sent: it will go as soon as the network is back
pending-other = { $count } registrations waiting to be sent: they will go as soon as the network is back
pending-arrived = Your registration has arrived: see the answer
update-ready = A new version of Relais is ready.
update-reload = Reload
install-suggest = Keep Relais on this device: it will open even with no network.
install-accept = Install
install-decline = No thanks
