rule "azure-network-nsg-no-public-mysql" {
  title     = "Network security group allows MySQL (port 3306) from the internet"
  severity  = "high"
  area      = "configuration-posture"
  resources = ["azurerm_network_security_rule", "azurerm_network_security_group"]
  aliases   = []

  description = <<-EOT
    An inbound `Allow` rule whose source is any address (`*`, `Internet`, `0.0.0.0/0`) and whose
    destination port range covers MySQL's port 3306 exposes that service of every VM behind the network
    security group to the whole internet. A MySQL listener reachable from the whole internet is scanned continuously and attacked with password guessing and engine exploits; a database should be reached only from the application tier or through a private endpoint. In IaaS the network rules are entirely the
    customer's; Azure only enforces what the customer writes.

    The rule checks standalone `azurerm_network_security_rule` resources and the inline
    `security_rule` blocks of `azurerm_network_security_group`, including port ranges (`"1-65535"`)
    and rules for all ports (`*`). A source restricted to known ranges is not reported.
    Severity is high: a directly reachable sensitive service, not yet a data exposure in itself.
  EOT
  remediation = "Restrict `source_address_prefix(es)` to the address ranges that need the service (the application subnet, an office range), or remove the rule and reach the service privately (private endpoint, VPN, Azure Bastion)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/network_security_rule",
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/network_security_group",
    "https://learn.microsoft.com/en-us/azure/virtual-network/network-security-groups-overview",
  ]

  assert {
    builtin "network-no-public-ingress" {
      port = 3306
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_network_security_rule" "svc" {
        name                        = "allow-svc"
        priority                    = 100
        direction                   = "Inbound"
        access                      = "Allow"
        protocol                    = "Tcp"
        source_port_range           = "*"
        destination_port_range      = "3306"
        source_address_prefix       = "*"  # expect: azure-network-nsg-no-public-mysql
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
          name                       = "allow-range"
          priority                   = 100
          direction                  = "Inbound"
          access                     = "Allow"
          protocol                   = "Tcp"
          source_port_range          = "*"
          destination_port_range     = "1-65535"
          source_address_prefix      = "Internet"  # expect: azure-network-nsg-no-public-mysql
          destination_address_prefix = "*"
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_network_security_rule" "svc" {
        name                        = "allow-svc"
        priority                    = 110
        direction                   = "Inbound"
        access                      = "Allow"
        protocol                    = "*"
        source_port_range           = "*"
        destination_port_ranges     = ["443", "3306"]
        source_address_prefix       = "0.0.0.0/0"  # expect: azure-network-nsg-no-public-mysql
        destination_address_prefix  = "*"
        resource_group_name         = "rg-net"
        network_security_group_name = "nsg-app"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_network_security_rule" "svc" {
        name                        = "allow-svc-from-app-subnet"
        priority                    = 100
        direction                   = "Inbound"
        access                      = "Allow"
        protocol                    = "Tcp"
        source_port_range           = "*"
        destination_port_range      = "3306"
        source_address_prefix       = "10.20.1.0/24"
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

        security_rule {
          name                       = "deny-svc"
          priority                   = 200
          direction                  = "Inbound"
          access                     = "Deny"
          protocol                   = "Tcp"
          source_port_range          = "*"
          destination_port_range     = "3306"
          source_address_prefix      = "*"
          destination_address_prefix = "*"
        }
      }
    EOT
  }
}
