// vcsim for the power tests: govmomi's vSphere simulator (Debian's
// golang-github-vmware-govmomi-dev ships the library, not the command) on a loopback port,
// one datacenter, one host, two VMs, and a login that only VCSIM_USER / VCSIM_PASSWORD
// pass. Prints the SDK URL, then "vm NAME UUID" per VM, then "ready"; runs until killed.
package main

import (
	"fmt"
	"net/url"
	"os"
	"os/signal"
	"syscall"

	"github.com/vmware/govmomi/simulator"
)

func main() {
	model := simulator.VPX()
	model.Datacenter = 1
	model.Cluster = 0
	model.Host = 1
	model.Machine = 2
	if err := model.Create(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer model.Remove()
	model.Service.Listen = &url.URL{Host: "127.0.0.1:0", User: url.UserPassword(os.Getenv("VCSIM_USER"), os.Getenv("VCSIM_PASSWORD"))}
	server := model.Service.NewServer()
	defer server.Close()
	u := *server.URL
	u.User = nil
	fmt.Println(u.String())
	for _, obj := range simulator.Map.All("VirtualMachine") {
		vm := obj.(*simulator.VirtualMachine)
		fmt.Printf("vm %s %s\n", vm.Name, vm.Config.Uuid)
	}
	fmt.Println("ready")
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	<-stop
}
