rule "azure-appservice-managed-identity" {
  title     = "Web or function app has no managed identity"
  severity  = "low"
  area      = "identity-access"
  resources = [
    "azurerm_app_service",
    "azurerm_function_app",
    "azurerm_linux_web_app",
    "azurerm_windows_web_app",
    "azurerm_linux_function_app",
    "azurerm_windows_function_app",
  ]
  aliases = ["CKV_AZURE_16", "CKV_AZURE_71", "AVD-AZU-0002", "azure-appservice-account-identity-registered"]

  compliance = { "cis-azure-3.0" = ["9.5"] }
  description = <<-EOT
    An app without a managed identity that calls databases, storage or Key Vault has to carry
    credentials for them: connection strings and keys in app settings, which leak through the portal,
    deployment logs and anyone with read access to the configuration. A managed identity lets the app
    obtain Entra ID tokens instead, with nothing to store or rotate. Which identity the code runs as
    is the customer's side of the PaaS model.

    The `identity` block is optional and absent by default. Severity is low: an app that calls no
    other service needs no identity, and the rule cannot see what the code calls.
  EOT
  remediation = "Add `identity { type = \"SystemAssigned\" }` (or `\"UserAssigned\"` with `identity_ids`) and grant that identity the roles the app needs, instead of keys in app settings."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app#identity",
    "https://learn.microsoft.com/en-us/azure/app-service/overview-managed-identity",
  ]

  assert {
    attribute "identity.type" {
      present = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_linux_web_app" "api" {  # expect: azure-appservice-managed-identity
        name                = "orders-api"
        resource_group_name = "rg-web"
        location            = "westeurope"
        service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/plan"
        https_only          = true

        site_config {}
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_app_service" "portal" {  # expect: azure-appservice-managed-identity
        name                = "portal"
        location            = "westeurope"
        resource_group_name = "rg-web"
        app_service_plan_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/plan"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_linux_web_app" "api" {
        name                = "orders-api"
        resource_group_name = "rg-web"
        location            = "westeurope"
        service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/plan"
        https_only          = true

        site_config {}

        identity {
          type = "SystemAssigned"
        }
      }
    EOT
  }
}
