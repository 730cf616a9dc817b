rule "azure-search-local-auth-disabled" {
  title     = "Azure AI Search service accepts API keys (local authentication)"
  severity  = "medium"
  area      = "identity-access"
  resources = ["azurerm_search_service"]
  aliases   = []

  description = <<-EOT
    With local authentication on, the service's admin keys grant full control over indexes and data and query keys read every index; they are static shared secrets that appear in application settings and never expire. Role-based access with Microsoft Entra ID ties every call to an identity. The authentication choice is the customer's.

    `local_authentication_enabled` defaults to `true`, so an absent argument is reported.
  EOT
  remediation = "Set `local_authentication_enabled = false` and assign `Search Index Data Reader`/`Contributor` roles to the callers' managed identities."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/search_service#local_authentication_enabled",
    "https://learn.microsoft.com/en-us/azure/search/search-security-rbac",
  ]

  assert {
    attribute "local_authentication_enabled" {
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
        local_authentication_enabled = true  # expect: azure-search-local-auth-disabled
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_search_service" "app" {  # expect: azure-search-local-auth-disabled
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
        local_authentication_enabled = false
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
        local_authentication_enabled = var.setting
      }
    EOT
  }
}
