rule "azure-network-nsg-no-public-rdp" {
  title     = "Network security group allows RDP (port 3389) from the internet"
  severity  = "critical"
  area      = "configuration-posture"
  resources = ["azurerm_network_security_rule", "azurerm_network_security_group"]
  aliases   = ["CKV_AZURE_9", "AVD-AZU-0048", "azure-network-disable-rdp-from-internet"]

  compliance = { "cis-azure-3.0" = ["7.1"] }
  description = <<-EOT
    An inbound `Allow` rule whose source is any address (`*`, `Internet`, `0.0.0.0/0`) and whose
    destination port range covers 3389 exposes the Remote Desktop service of every VM behind the
    network security group to the whole internet. Internet-facing RDP is one of the most common
    entry points for ransomware: password spraying, stolen credentials and remote-code-execution
    flaws in the RDP service. In IaaS the network rules are entirely the customer's; Azure only
    enforces what the customer writes.

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
      port = 3389
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_network_security_rule" "admin" {
        name                        = "allow-rdp"
        priority                    = 100
        direction                   = "Inbound"
        access                      = "Allow"
        protocol                    = "Tcp"
        source_port_range           = "*"
        destination_port_range      = "3389"
        source_address_prefix       = "*"  # expect: azure-network-nsg-no-public-rdp
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
          source_address_prefix      = "Internet"  # expect: azure-network-nsg-no-public-rdp
          destination_address_prefix = "*"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_network_security_rule" "admin" {
        name                        = "allow-rdp-from-office"
        priority                    = 100
        direction                   = "Inbound"
        access                      = "Allow"
        protocol                    = "Tcp"
        source_port_range           = "*"
        destination_port_range      = "3389"
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
