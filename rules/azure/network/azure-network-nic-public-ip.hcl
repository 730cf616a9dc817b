rule "azure-network-nic-public-ip" {
  title     = "Network interface has a public IP address"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["azurerm_network_interface"]
  aliases   = ["CKV_AZURE_119", "AVD-AZU-0076", "azure-network-network-interface-public-ip"]

  description = <<-EOT
    A public IP address on a VM's network interface makes the VM directly reachable from the
    internet: only the network security groups stand between every scanner and each of its open
    ports, and one overly broad rule exposes it. VMs are better reached through a load balancer,
    Application Gateway, Azure Bastion or a VPN. Network design in IaaS is the customer's side.

    The rule reports any `ip_configuration` with `public_ip_address_id` set. Severity is medium:
    the exposure depends on the NSG rules, which other rules check. Suppress it for VMs that must be
    internet-facing by design (a jump host behind strict NSGs, a network appliance).
  EOT
  remediation = "Remove `public_ip_address_id` from the `ip_configuration` and publish the service through a load balancer or Application Gateway, or administer the VM through Azure Bastion."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/network_interface#public_ip_address_id",
    "https://learn.microsoft.com/en-us/azure/virtual-network/ip-services/public-ip-addresses",
  ]

  assert {
    attribute "ip_configuration.public_ip_address_id" {
      present = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_public_ip" "app" {
        name                = "pip-app"
        location            = "westeurope"
        resource_group_name = "rg-net"
        allocation_method   = "Static"
      }

      resource "azurerm_network_interface" "app" {
        name                = "nic-app"
        location            = "westeurope"
        resource_group_name = "rg-net"

        ip_configuration {
          name                          = "internal"
          subnet_id                     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/app"
          private_ip_address_allocation = "Dynamic"
          public_ip_address_id          = azurerm_public_ip.app.id  # expect: azure-network-nic-public-ip
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_network_interface" "app" {
        name                = "nic-app"
        location            = "westeurope"
        resource_group_name = "rg-net"

        ip_configuration {
          name                          = "internal"
          subnet_id                     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/app"
          private_ip_address_allocation = "Dynamic"
        }
      }
    EOT
  }
}
