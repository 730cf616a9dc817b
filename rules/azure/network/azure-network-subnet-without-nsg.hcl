rule "azure-network-subnet-without-nsg" {
  title     = "Subnet has no network security group associated"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["azurerm_subnet"]
  aliases   = ["CKV2_AZURE_31"]

  description = <<-EOT
    A subnet without a network security group applies only Azure's default rules: every address
    in the virtual network and in peered networks, and the Azure load balancer, can reach every
    port of every machine in it, and anything given a public IP is reachable on all ports from the
    internet. One compromised host can then move laterally to any other. Filtering traffic
    between and into subnets is the customer's side of the network.

    The rule asks for an `azurerm_subnet_network_security_group_association` that refers to the
    subnet through `subnet_id`. Subnets that Azure does not allow an NSG on, or manages itself
    (`GatewaySubnet`, `AzureFirewallSubnet`, `AzureFirewallManagementSubnet`, `RouteServerSubnet`),
    are out of scope. An association made in another configuration is not seen; suppress the
    finding there. Severity is medium: missing segmentation, not a direct exposure.
  EOT
  remediation = "Create an `azurerm_network_security_group` with the rules the subnet needs and add `resource \"azurerm_subnet_network_security_group_association\" \"x\" { subnet_id = azurerm_subnet.<name>.id  network_security_group_id = azurerm_network_security_group.<name>.id }`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/subnet_network_security_group_association",
    "https://learn.microsoft.com/en-us/azure/virtual-network/network-security-groups-overview",
  ]

  when {
    attribute "name" {
      not_one_of = ["GatewaySubnet", "AzureFirewallSubnet", "AzureFirewallManagementSubnet", "RouteServerSubnet"]
    }
  }

  assert {
    linked "azurerm_subnet_network_security_group_association" {
      via = "subnet_id"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_subnet" "app" {  # expect: azure-network-subnet-without-nsg
        name                 = "snet-app"
        resource_group_name  = "rg-net"
        virtual_network_name = "vnet-prod"
        address_prefixes     = ["10.10.1.0/24"]
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_subnet" "app" {
        name                 = "snet-app"
        resource_group_name  = "rg-net"
        virtual_network_name = "vnet-prod"
        address_prefixes     = ["10.10.1.0/24"]
      }

      resource "azurerm_network_security_group" "app" {
        name                = "nsg-app"
        location            = "westeurope"
        resource_group_name = "rg-net"
      }

      resource "azurerm_subnet_network_security_group_association" "app" {
        subnet_id                 = azurerm_subnet.app.id
        network_security_group_id = azurerm_network_security_group.app.id
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      # Azure does not support an NSG on the VPN/ExpressRoute gateway subnet
      resource "azurerm_subnet" "gateway" {
        name                 = "GatewaySubnet"
        resource_group_name  = "rg-net"
        virtual_network_name = "vnet-prod"
        address_prefixes     = ["10.10.255.0/27"]
      }
    EOT
  }
}
