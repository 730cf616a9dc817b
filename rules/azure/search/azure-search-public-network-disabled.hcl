rule "azure-search-public-network-disabled" {
  title     = "Azure AI Search service accepts connections from public networks"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["azurerm_search_service"]
  aliases   = ["CKV_AZURE_124"]

  description = <<-EOT
    A search service open to public networks serves its indexes, often copies of documents and database content, to anyone holding a query or admin key. Private endpoints keep the service off the internet; the network boundary is the customer's.

    `public_network_access_enabled` defaults to `true`, so an absent argument is reported. An `allowed_ips` list narrows access but still leaves the public endpoint; this rule asks for public access to be off.
  EOT
  remediation = "Set `public_network_access_enabled = false` and reach the service through a private endpoint."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/search_service#public_network_access_enabled",
    "https://learn.microsoft.com/en-us/azure/search/service-create-private-endpoint",
  ]

  assert {
    attribute "public_network_access_enabled" {
      equals  = false
      default = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_search_service" "app" {
        name                = "search-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        sku                 = "standard"
        public_network_access_enabled = true  # expect: azure-search-public-network-disabled
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_search_service" "app" {  # expect: azure-search-public-network-disabled
        name                = "search-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        sku                 = "standard"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_search_service" "app" {
        name                = "search-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        sku                 = "standard"
        public_network_access_enabled = false
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      variable "setting" {
        type = bool
      }

      resource "azurerm_search_service" "app" {
        name                = "search-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        sku                 = "standard"
        public_network_access_enabled = var.setting
      }
    EOT
  }
}
