rule "azure-network-nsg-no-public-udp" {
  title     = "Network security group allows UDP from the internet"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["azurerm_network_security_rule", "azurerm_network_security_group"]
  aliases   = ["CKV_AZURE_77"]

  compliance = { "cis-azure-3.0" = ["7.3"] }
  description = <<-EOT
    UDP services answer without a handshake, so an internet-reachable one (DNS, NTP, SNMP, SSDP,
    memcached, CLDAP) can be abused to reflect and amplify denial-of-service traffic at third
    parties, and the service itself is exposed to scanning and exploitation. Few workloads need
    inbound UDP from every address. The network rules are the customer's side of IaaS.

    The rule reports an inbound `Allow` rule with protocol `Udp` whose source is any address
    (`*`, `Internet`, `Any`, `0.0.0.0/0`), as a standalone `azurerm_network_security_rule` or an
    inline `security_rule` block, whatever the port. Rules with protocol `*` are not reported here
    (their admin ports are covered by the SSH, RDP and other port rules). Severity is medium:
    exposure of a UDP service rather than of an administrative interface.
  EOT
  remediation = "Restrict `source_address_prefix(es)` to the networks that need the service, or put UDP services that must face the internet behind Azure DDoS Protection and a service-specific allow list."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/network_security_rule#protocol",
    "https://learn.microsoft.com/en-us/azure/security/fundamentals/network-best-practices",
  ]

  assert {
    not {
      attribute "direction" {
        matches = "(?i)^inbound$"
      }
      attribute "access" {
        matches = "(?i)^allow$"
      }
      attribute "protocol" {
        matches = "(?i)^udp$"
      }
      any {
        attribute "source_address_prefix" {
          matches = "(?i)^(\\*|internet|any|0\\.0\\.0\\.0/0)$"
        }
        attribute "source_address_prefixes" {
          contains = "*"
        }
        attribute "source_address_prefixes" {
          contains = "Internet"
        }
        attribute "source_address_prefixes" {
          contains = "0.0.0.0/0"
        }
      }
    }
    none "security_rule" {
        attribute "direction" {
          matches = "(?i)^inbound$"
        }
        attribute "access" {
          matches = "(?i)^allow$"
        }
        attribute "protocol" {
          matches = "(?i)^udp$"
        }
        any {
          attribute "source_address_prefix" {
            matches = "(?i)^(\\*|internet|any|0\\.0\\.0\\.0/0)$"
          }
          attribute "source_address_prefixes" {
            contains = "*"
          }
          attribute "source_address_prefixes" {
            contains = "Internet"
          }
          attribute "source_address_prefixes" {
            contains = "0.0.0.0/0"
          }
        }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_network_security_rule" "dns" {
        name                        = "allow-dns"
        priority                    = 100
        direction                   = "Inbound"
        access                      = "Allow"
        protocol                    = "Udp"
        source_port_range           = "*"
        destination_port_range      = "53"
        source_address_prefix       = "Internet"  # expect: azure-network-nsg-no-public-udp
        destination_address_prefix  = "*"
        resource_group_name         = "rg-net"
        network_security_group_name = "nsg-dns"
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
          name                       = "allow-snmp"
          priority                   = 110
          direction                  = "Inbound"
          access                     = "Allow"
          protocol                   = "Udp"
          source_port_range          = "*"
          destination_port_range     = "161"
          source_address_prefixes    = ["10.0.0.0/8", "0.0.0.0/0"]
          destination_address_prefix = "*"
        }
      }
    EOT
    lines = [14]
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_network_security_rule" "dns" {
        name                        = "allow-dns-from-branch"
        priority                    = 100
        direction                   = "Inbound"
        access                      = "Allow"
        protocol                    = "Udp"
        source_port_range           = "*"
        destination_port_range      = "53"
        source_address_prefix       = "198.51.100.0/24"
        destination_address_prefix  = "*"
        resource_group_name         = "rg-net"
        network_security_group_name = "nsg-dns"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_network_security_group" "app" {
        name                = "nsg-app"
        location            = "westeurope"
        resource_group_name = "rg-net"

        security_rule {
          name                       = "deny-udp"
          priority                   = 100
          direction                  = "Inbound"
          access                     = "Deny"
          protocol                   = "Udp"
          source_port_range          = "*"
          destination_port_range     = "*"
          source_address_prefix      = "*"
          destination_address_prefix = "*"
        }

        security_rule {
          name                       = "allow-https"
          priority                   = 110
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
