#!/bin/sh
# Runs Alertmanager (the program is the first argument, its flags follow) after saying plainly in the log whether
# alerts can reach Slack. The webhook file is the one alertmanager.yml names in api_url_file; Alertmanager reads it
# at every notification, so writing it later is the only step needed, with no restart.
program=$1
shift
config=/etc/alertmanager/alertmanager.yml
for argument in "$@"; do
  case $argument in
    --config.file=*) config=${argument#--config.file=} ;;
  esac
done

url_file=$(sed -n 's/^[[:space:]]*-\{0,1\}[[:space:]]*api_url_file:[[:space:]]*//p' "$config" | head -n 1)
if [ -n "$url_file" ] && ! grep -q '^[[:space:]]*https\{0,1\}://' "$url_file" 2>/dev/null; then
  echo "MoniKit: no Slack webhook URL in $url_file (secrets/slack_webhook_url next to docker-compose.yml):" \
    "alerts are kept and shown in Alertmanager and Grafana, and nothing is delivered to Slack." \
    "Write the webhook URL into that file to deliver them; Alertmanager reads it at every notification."
fi

exec "$program" "$@"
