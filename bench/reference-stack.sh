#!/usr/bin/env bash
# The reference stack of the benchmarks: Postfix (accepting the bench domain, delivering over LMTP) and Dovecot
# (Maildir, passwd-file users with SSHA512) from Debian's packages, as their own instances on loopback high ports
# with their own configuration under one directory. fsync stays at both servers' durable defaults.
#   bench/reference-stack.sh up      install if missing, configure, start; prints the ports and server PIDs
#   bench/reference-stack.sh pids    the master PIDs (Postfix, Dovecot), comma separated, for bench/run --pids
#   bench/reference-stack.sh down    stop both and remove the directory (nothing left listening)
# Environment: REF_DIR (/tmp/govmail-reference-stack), REF_SMTP_PORT (2525), REF_IMAP_PORT (1143),
#   BENCH_DOMAIN (bench.gov.vn), BENCH_USERS (101: user0..user100), BENCH_PASSWORD (Bench-Passw0rd!26).
# See /work/shared/docs/reference-stack.md for the configuration this reproduces, docs/benchmarks.md for its use.
set -euo pipefail

DIR="${REF_DIR:-/tmp/govmail-reference-stack}"
SMTP_PORT="${REF_SMTP_PORT:-2525}"
IMAP_PORT="${REF_IMAP_PORT:-1143}"
DOMAIN="${BENCH_DOMAIN:-bench.gov.vn}"
USERS="${BENCH_USERS:-101}"
PASSWORD="${BENCH_PASSWORD:-Bench-Passw0rd!26}"
VMAIL_UID=2000

die() { echo "reference-stack: $*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || die "needs root (Postfix and Dovecot switch users)"

install_packages() {
  local missing=()
  for pkg in postfix dovecot-imapd dovecot-lmtpd; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return
  # The packages must not start their system-wide daemons on ports 25/143: policy-rc.d refuses every start.
  local created_policy=""
  if [ ! -x /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; created_policy=yes
  fi
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >&2
  [ -n "$created_policy" ] && rm -f /usr/sbin/policy-rc.d
  return 0
}

ensure_vmail_user() {
  getent group vmail >/dev/null || groupadd -g "$VMAIL_UID" vmail
  getent passwd vmail >/dev/null || useradd -u "$VMAIL_UID" -g vmail -d /nonexistent -s /usr/sbin/nologin -M vmail
}

ssha512() { # SSHA512 as Dovecot's passwd-file expects it: base64(sha512(password + salt) + salt)
  python3 -c 'import base64,hashlib,os,sys; s=os.urandom(8); print("{SSHA512}"+base64.b64encode(hashlib.sha512(sys.argv[1].encode()+s).digest()+s).decode())' "$1"
}

write_postfix() {
  mkdir -p "$DIR/postfix" "$DIR/spool" "$DIR/postfix-data" "$DIR/log"
  cat > "$DIR/postfix/main.cf" <<CF
# Benchmark instance (bench/reference-stack.sh): the non-default lines of docs/reference-stack.md
compatibility_level = 3.6
config_directory = $DIR/postfix
queue_directory = $DIR/spool
data_directory = $DIR/postfix-data
mail_owner = postfix
setgid_group = postdrop
myhostname = mail.$DOMAIN
mydomain = $DOMAIN
myorigin = \$mydomain
mydestination = localhost
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
biff = no
append_dot_mydomain = no
smtpd_banner = \$myhostname ESMTP
alias_maps =
alias_database =
recipient_delimiter = +
message_size_limit = 26214400
mailbox_size_limit = 0
virtual_mailbox_domains = $DOMAIN
virtual_mailbox_maps = hash:$DIR/postfix/vmailbox
virtual_transport = lmtp:unix:private/dovecot-lmtp
virtual_minimum_uid = $VMAIL_UID
virtual_uid_maps = static:$VMAIL_UID
virtual_gid_maps = static:$VMAIL_UID
smtpd_helo_required = yes
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
smtpd_recipient_restrictions = permit_mynetworks, reject_unauth_destination
smtpd_tls_security_level = none
smtp_tls_security_level = none
maillog_file_prefixes = $DIR/log
maillog_file = $DIR/log/postfix.log
CF
  # Debian's master.cf with the public SMTP listener moved to the bench port and no chroot (own queue directory).
  awk -v listen="127.0.0.1:$SMTP_PORT" '
    /^smtp[ \t]+inet/ { sub(/^smtp/, listen) }
    /^[a-z0-9.:]+[ \t]+(inet|unix|unix-dgram|fifo|pass)[ \t]/ { $5 = "n" }
    { print }' /etc/postfix/master.cf.proto > "$DIR/postfix/master.cf"
  grep -q '^postlog' "$DIR/postfix/master.cf" || echo "postlog   unix-dgram n  -       n       -       1       postlogd" >> "$DIR/postfix/master.cf"
  : > "$DIR/postfix/vmailbox"
  for i in $(seq 0 $((USERS - 1))); do echo "user$i@$DOMAIN OK" >> "$DIR/postfix/vmailbox"; done
  postmap -c "$DIR/postfix" "$DIR/postfix/vmailbox"
  cp /etc/postfix/dynamicmaps.cf "$DIR/postfix/" 2>/dev/null || true
  cp -r /etc/postfix/dynamicmaps.cf.d "$DIR/postfix/" 2>/dev/null || true
  postfix -c "$DIR/postfix" set-permissions >/dev/null 2>&1 || true
  postfix -c "$DIR/postfix" check
}

write_dovecot() {
  mkdir -p "$DIR/dovecot/run" "$DIR/dovecot/state" "$DIR/vmail"
  chown vmail:vmail "$DIR/vmail"
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=mail.$DOMAIN" \
    -keyout "$DIR/dovecot/key.pem" -out "$DIR/dovecot/cert.pem" 2>/dev/null
  : > "$DIR/dovecot/users"
  local hash; hash="$(ssha512 "$PASSWORD")"
  for i in $(seq 0 $((USERS - 1))); do echo "user$i@$DOMAIN:$hash" >> "$DIR/dovecot/users"; done
  chmod 640 "$DIR/dovecot/users"; chgrp dovecot "$DIR/dovecot/users"
  cat > "$DIR/dovecot/dovecot.conf" <<CF
# Benchmark instance (bench/reference-stack.sh): iRedMail-like virtual users, Maildir, LMTP from Postfix
instance_name = govmail-reference
base_dir = $DIR/dovecot/run
state_dir = $DIR/dovecot/state
protocols = imap lmtp
listen = 127.0.0.1
# TLS like govmail (STARTTLS on the IMAP port, self-signed certificate): both pay for encrypted sessions
ssl = yes
ssl_cert = <$DIR/dovecot/cert.pem
ssl_key = <$DIR/dovecot/key.pem
mail_location = maildir:$DIR/vmail/%d/%n/Maildir
mail_uid = vmail
mail_gid = vmail
first_valid_uid = $VMAIL_UID
last_valid_uid = $VMAIL_UID
auth_mechanisms = plain login
disable_plaintext_auth = no
log_path = $DIR/log/dovecot.log
default_client_limit = 5000
passdb {
  driver = passwd-file
  args = scheme=SSHA512 username_format=%u $DIR/dovecot/users
}
userdb {
  driver = static
  args = uid=vmail gid=vmail home=$DIR/vmail/%d/%n
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $IMAP_PORT
  }
  inet_listener imaps {
    port = 0
  }
  # after STARTTLS each session keeps its login process as the TLS proxy: room for the idle scenario
  process_limit = 5000
}
service imap {
  # room for the idle-connections scenario (one process per IMAP session)
  process_limit = 5000
}
service lmtp {
  unix_listener $DIR/spool/private/dovecot-lmtp {
    mode = 0600
    user = postfix
    group = postfix
  }
}
protocol imap {
  mail_max_userip_connections = 5000
}
CF
}

postfix_pid() { [ -f "$DIR/spool/pid/master.pid" ] && tr -d ' \n' < "$DIR/spool/pid/master.pid"; }
dovecot_pid() { [ -f "$DIR/dovecot/run/master.pid" ] && tr -d ' \n' < "$DIR/dovecot/run/master.pid"; }

wait_for_port() {
  for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done
  die "nothing answers on 127.0.0.1:$1 (logs in $DIR/log)"
}

port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

up() {
  [ -e "$DIR" ] && die "$DIR exists: run '$0 down' first"
  trap 'down >/dev/null 2>&1' EXIT   # a failed start leaves nothing running
  port_is_free "$SMTP_PORT" || die "port $SMTP_PORT is taken"
  port_is_free "$IMAP_PORT" || die "port $IMAP_PORT is taken"
  install_packages
  ensure_vmail_user
  write_postfix
  write_dovecot
  ulimit -n 65536 2>/dev/null || true
  # the daemons must not hold the caller's stdout/stderr open (a pipe reading them would never end)
  dovecot -c "$DIR/dovecot/dovecot.conf" </dev/null >>"$DIR/log/start.log" 2>&1 || die "Dovecot did not start: $(tail -3 "$DIR/log/start.log" "$DIR/log/dovecot.log" 2>/dev/null)"
  postfix -c "$DIR/postfix" start </dev/null >>"$DIR/log/start.log" 2>&1 || die "Postfix did not start: $(tail -3 "$DIR/log/postfix.log")"
  wait_for_port "$IMAP_PORT"
  wait_for_port "$SMTP_PORT"
  for _ in $(seq 1 50); do [ -S "$DIR/spool/private/dovecot-lmtp" ] && break; sleep 0.1; done
  echo "reference stack up in $DIR: SMTP 127.0.0.1:$SMTP_PORT (Postfix $(postconf -d -h mail_version)), IMAP 127.0.0.1:$IMAP_PORT STARTTLS (Dovecot $(dovecot --version | cut -d' ' -f1))"
  trap - EXIT
  echo "pids $(postfix_pid),$(dovecot_pid)  data $DIR/vmail,$DIR/spool  accounts user0..user$((USERS - 1))@$DOMAIN"
}

down() {
  [ -d "$DIR" ] || { echo "reference stack not running ($DIR absent)"; return 0; }
  [ -f "$DIR/postfix/main.cf" ] && postfix -c "$DIR/postfix" stop 2>/dev/null || true
  local dpid; dpid="$(dovecot_pid || true)"
  [ -f "$DIR/dovecot/dovecot.conf" ] && doveadm -c "$DIR/dovecot/dovecot.conf" stop 2>/dev/null || true
  for _ in $(seq 1 100); do
    { [ -z "$dpid" ] || ! kill -0 "$dpid" 2>/dev/null; } && port_is_free "$SMTP_PORT" && port_is_free "$IMAP_PORT" && break
    sleep 0.1
  done
  port_is_free "$SMTP_PORT" && port_is_free "$IMAP_PORT" || die "something still listens on $SMTP_PORT or $IMAP_PORT"
  rm -rf "$DIR"
  echo "reference stack stopped and removed"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  pids) echo "$(postfix_pid),$(dovecot_pid)" ;;
  *) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 64 ;;
esac
