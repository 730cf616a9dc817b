rule "azure-network-nsg-no-public-ssh" {
  title     = "Network security group allows SSH (port 22) from the internet"
  severity  = "high"
  area      = "configuration-posture"
  resources = ["azurerm_network_security_rule", "azurerm_network_security_group"]
  aliases   = ["CKV_AZURE_10", "AVD-AZU-0050", "azure-network-ssh-blocked-from-internet"]

  compliance = { "cis-azure-3.0" = ["7.2"] }
  description = <<-EOT
    An inbound `Allow` rule whose source is any address (`*`, `Internet`, `0.0.0.0/0`) and whose
    destination port range covers 22 exposes the SSH service of every VM behind the network security
    group to the whole internet. Exposed management ports are scanned within minutes and invite
    brute-force password guessing and exploitation of the SSH daemon. In IaaS the network rules are
    entirely the customer's; Azure only enforces what the customer writes.

    The rule checks standalone `azurerm_network_security_rule` resources and the inline
    `security_rule` blocks of `azurerm_network_security_group`, including port ranges such as
    `"20-30000"` and rules for all ports (`*`).
  EOT
  remediation = "Restrict `source_address_prefix(es)` to known administrative ranges, or remove the rule and reach the VMs through Azure Bastion, a VPN or just-in-time VM access."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/network_security_rule",
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/network_security_group",
    "https://docs.microsoft.com/en-us/azure/bastion/tutorial-create-host-portal",
  ]

  assert {
    builtin "network-no-public-ingress" {
      port = 22
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_network_security_rule" "admin" {
        name                        = "allow-ssh"
        priority                    = 100
        direction                   = "Inbound"
        access                      = "Allow"
        protocol                    = "Tcp"
        source_port_range           = "*"
        destination_port_range      = "22"
        source_address_prefix       = "*"  # expect: azure-network-nsg-no-public-ssh
        destination_address_prefix  = "*"
        resource_group_name         = "rg-net"
        network_security_group_name = "nsg-app"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_network_security_group" "app" {
        name                = "nsg-app"
        location            = "westeurope"
        resource_group_name = "rg-net"

        security_rule {
          name                       = "allow-admin"
          priority                   = 100
          direction                  = "Inbound"
          access                     = "Allow"
          protocol                   = "Tcp"
          source_port_range          = "*"
          destination_port_range     = "1-65535"
          source_address_prefix      = "Internet"  # expect: azure-network-nsg-no-public-ssh
          destination_address_prefix = "*"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_network_security_rule" "admin" {
        name                        = "allow-ssh-from-office"
        priority                    = 100
        direction                   = "Inbound"
        access                      = "Allow"
        protocol                    = "Tcp"
        source_port_range           = "*"
        destination_port_range      = "22"
        source_address_prefix       = "203.0.113.0/24"
        destination_address_prefix  = "*"
        resource_group_name         = "rg-net"
        network_security_group_name = "nsg-app"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_network_security_group" "web" {
        name                = "nsg-web"
        location            = "westeurope"
        resource_group_name = "rg-net"

        security_rule {
          name                       = "allow-https"
          priority                   = 100
          direction                  = "Inbound"
          access                     = "Allow"
          protocol                   = "Tcp"
          source_port_range          = "*"
          destination_port_range     = "443"
          source_address_prefix      = "*"
          destination_address_prefix = "*"
        }
      }
    EOT
  }
}
