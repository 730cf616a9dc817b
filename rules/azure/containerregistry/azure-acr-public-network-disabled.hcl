rule "azure-acr-public-network-disabled" {
  title     = "Container registry is reachable from public networks"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["azurerm_container_registry"]
  aliases   = ["CKV_AZURE_139"]

  description = <<-EOT
    A registry holds the images every cluster and app pulls; with public network access on, anyone
    on the internet can reach its login endpoint and try stolen or leaked credentials, and a
    compromised push credential lets an attacker replace images from anywhere. Limiting the network
    path is the customer's choice.

    `public_network_access_enabled` defaults to `true`; disabling it needs the Premium SKU and
    private endpoints. Severity is medium: access still requires authentication.
  EOT
  remediation = "Set `public_network_access_enabled = false` (Premium SKU) and reach the registry through a private endpoint, or restrict `network_rule_set` to known ranges."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/container_registry#public_network_access_enabled",
    "https://learn.microsoft.com/en-us/azure/container-registry/container-registry-private-link",
  ]

  assert {
    attribute "public_network_access_enabled" {
      equals  = false
      default = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_container_registry" "images" {  # expect: azure-acr-public-network-disabled
        name                = "acrimages"
        resource_group_name = "rg-build"
        location            = "westeurope"
        sku                 = "Premium"
        admin_enabled       = false
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_container_registry" "images" {
        name                          = "acrimages"
        resource_group_name           = "rg-build"
        location                      = "westeurope"
        sku                           = "Premium"
        admin_enabled                 = false
        public_network_access_enabled = false
      }
    EOT
  }
}
