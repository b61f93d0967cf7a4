/*
 * A SeaMicro 15000 chassis's OEM power command, as a plugin for OpenIPMI's ipmi_sim
 * (Debian openipmi; loaded with `loadlib "seamicro_oem.so" "servers=N state=PATH"`).
 *
 * What MAAS sent a SeaMicro chassis over IPMI (ipmitool -I lanplus ... raw ...):
 *   netfn 0x2E (OEM/group), cmd 1, data 00 7d ab MODE 0 SERVER
 *   MODE 1 = power on; MODE 0 = power off (MAAS 1.8's template), MODE 6 = power off (the
 *   later Python driver). Nothing else was ever sent, so nothing else is accepted.
 * ipmi_sim itself dispatches netfn 0x2E by the first three data bytes read as a
 * little-endian IANA number (00 7d ab -> 0xab7d00) and answers 0xC1 for any other; the
 * rest is checked here, with the IPMI completion codes a BMC uses for each fault.
 *
 * The resulting per-server power state is written to PATH (one "ID on|off" line per
 * server, replaced atomically) and every accepted command appended to PATH.log
 * ("MODE ID"), so a test reads back what reached the chassis.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <OpenIPMI/ipmi_err.h>
#include <OpenIPMI/mcserv.h>

#define SEAMICRO_OEM_IANA 0xab7d00 /* wire bytes 00 7d ab */
#define SEAMICRO_POWER_CMD 1
#define MAX_SERVERS 256             /* SERVER is one byte */

static unsigned int server_count = 64; /* a SeaMicro 15000 holds 64 server cards */
static char state_path[4096];
static unsigned char powered[MAX_SERVERS];

static int write_state(void)
{
    char tmp[4200];
    FILE *f;
    unsigned int i;

    snprintf(tmp, sizeof(tmp), "%s.tmp", state_path);
    f = fopen(tmp, "w");
    if (!f)
        return errno;
    for (i = 0; i < server_count; i++)
        fprintf(f, "%u %s\n", i, powered[i] ? "on" : "off");
    if (fclose(f) != 0)
        return errno;
    return rename(tmp, state_path) == 0 ? 0 : errno;
}

static int append_log(unsigned char mode, unsigned char server)
{
    char path[4200];
    FILE *f;

    snprintf(path, sizeof(path), "%s.log", state_path);
    f = fopen(path, "a");
    if (!f)
        return errno;
    fprintf(f, "%u %u\n", mode, server);
    return fclose(f) == 0 ? 0 : errno;
}

static void reply(unsigned char *rdata, unsigned int *rdata_len, unsigned char cc)
{
    rdata[0] = cc;
    *rdata_len = 1;
}

/* ipmi_sim has taken the IANA off: msg->data is MODE 0 SERVER. */
static void handle_power(lmc_data_t *mc, msg_t *msg, unsigned char *rdata,
                         unsigned int *rdata_len, void *cb_data)
{
    sys_data_t *sys = cb_data;
    unsigned char mode, server;

    if (msg->cmd != SEAMICRO_POWER_CMD) {
        handle_invalid_cmd(mc, rdata, rdata_len);
        return;
    }
    if (msg->len != 3) {
        reply(rdata, rdata_len, IPMI_REQUEST_DATA_LENGTH_INVALID_CC);
        return;
    }
    mode = msg->data[0];
    server = msg->data[2];
    if ((mode != 0 && mode != 1 && mode != 6) || msg->data[1] != 0) {
        reply(rdata, rdata_len, IPMI_INVALID_DATA_FIELD_CC);
        return;
    }
    if (server >= server_count) {
        reply(rdata, rdata_len, IPMI_PARAMETER_OUT_OF_RANGE_CC);
        return;
    }
    powered[server] = mode == 1;
    if (write_state() != 0 || append_log(mode, server) != 0) {
        sys->log(sys, OS_ERROR, NULL, "seamicro_oem: cannot write %s", state_path);
        reply(rdata, rdata_len, IPMI_UNKNOWN_ERR_CC);
        return;
    }
    reply(rdata, rdata_len, 0);
}

int ipmi_sim_module_init(sys_data_t *sys, const char *options)
{
    char *opts = strdup(options ? options : "");
    char *next;
    const char *tok;
    int rv;

    if (!opts)
        return ENOMEM;
    for (tok = mystrtok(opts, " \t\n", &next); tok; tok = mystrtok(NULL, " \t\n", &next)) {
        if (strncmp(tok, "servers=", 8) == 0)
            server_count = (unsigned int) strtoul(tok + 8, NULL, 10);
        else if (strncmp(tok, "state=", 6) == 0)
            snprintf(state_path, sizeof(state_path), "%s", tok + 6);
    }
    free(opts);
    if (server_count == 0 || server_count > MAX_SERVERS || !state_path[0]) {
        sys->log(sys, SETUP_ERROR, NULL, "seamicro_oem: options are \"servers=1..256 state=PATH\"");
        return EINVAL;
    }
    rv = write_state();
    if (rv) {
        sys->log(sys, SETUP_ERROR, NULL, "seamicro_oem: cannot write %s: %s", state_path, strerror(rv));
        return rv;
    }
    rv = ipmi_emu_register_iana_handler(SEAMICRO_OEM_IANA, handle_power, sys);
    if (rv)
        sys->log(sys, SETUP_ERROR, NULL, "seamicro_oem: cannot register the OEM handler: %s", strerror(rv));
    return rv;
}
