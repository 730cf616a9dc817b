rule "azure-network-nic-ip-forwarding" {
  title     = "Network interface has IP forwarding enabled"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["azurerm_network_interface"]
  aliases   = ["CKV_AZURE_118", "AVD-AZU-0075", "azure-network-network-ip-forwarding-enabled"]

  description = <<-EOT
    IP forwarding lets the VM behind the interface receive and send traffic that is not addressed to
    it, that is, act as a router. Only network virtual appliances (firewalls, NAT or VPN gateways)
    need it; on an ordinary VM it lets a compromised machine relay traffic between networks around
    the network security groups and route tables. Interfaces and their settings are the customer's in
    IaaS.

    The argument is `ip_forwarding_enabled` since azurerm v3.108 (the only name in v4) and
    `enable_ip_forwarding` before; both default to `false`, so only an explicit `true` is reported.
    Severity is medium; suppress the rule for real network appliances.
  EOT
  remediation = "Remove `ip_forwarding_enabled = true` / `enable_ip_forwarding = true` unless the VM is a network virtual appliance."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/network_interface#ip_forwarding_enabled",
    "https://learn.microsoft.com/en-us/azure/virtual-network/virtual-network-network-interface#enable-or-disable-ip-forwarding",
  ]

  assert {
    attribute "ip_forwarding_enabled" {
      equals  = false
      default = false
    }
    attribute "enable_ip_forwarding" {
      equals  = false
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_network_interface" "app" {
        name                  = "nic-app"
        location              = "westeurope"
        resource_group_name   = "rg-net"
        ip_forwarding_enabled = true  # expect: azure-network-nic-ip-forwarding

        ip_configuration {
          name                          = "internal"
          subnet_id                     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/app"
          private_ip_address_allocation = "Dynamic"
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      # azurerm v3 spelling
      resource "azurerm_network_interface" "app" {
        name                 = "nic-app"
        location             = "westeurope"
        resource_group_name  = "rg-net"
        enable_ip_forwarding = true  # expect: azure-network-nic-ip-forwarding

        ip_configuration {
          name                          = "internal"
          subnet_id                     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/app"
          private_ip_address_allocation = "Dynamic"
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
