rule "azure-appservice-authentication" {
  title     = "Web or function app does not enable App Service authentication"
  severity  = "medium"
  area      = "identity-access"
  resources = [
    "azurerm_app_service",
    "azurerm_function_app",
    "azurerm_linux_web_app",
    "azurerm_windows_web_app",
    "azurerm_linux_function_app",
    "azurerm_windows_function_app",
  ]
  aliases = ["CKV_AZURE_13", "CKV_AZURE_56", "AVD-AZU-0003", "azure-appservice-authentication-enabled"]

  compliance = { "cis-azure-3.0" = ["9.2"] }
  description = <<-EOT
    App Service authentication ("Easy Auth") makes the platform sign callers in with Entra ID or
    another identity provider, and can reject anonymous requests before they reach the code. Without
    it, every request reaches the application and its own authentication is the only gate, so one
    unprotected route is open to the internet. Who may call the app is the customer's side.

    Either `auth_settings { enabled = true }` or, on the current resources, `auth_settings_v2 {
    auth_enabled = true }` satisfies the rule; both are off unless written. Severity is medium: apps
    that authenticate in code (or are deliberately public) are safe without it, so suppress the rule
    for those.
  EOT
  remediation = "Add `auth_settings_v2 { auth_enabled = true  require_authentication = true ... }` with an identity provider (or `auth_settings { enabled = true ... }` on the deprecated resources)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app#auth_settings_v2",
    "https://learn.microsoft.com/en-us/azure/app-service/overview-authentication-authorization",
  ]

  assert {
    any {
      attribute "auth_settings.enabled" {
        equals = true
      }
      attribute "auth_settings_v2.auth_enabled" {
        equals = true
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_app_service" "portal" {  # expect: azure-appservice-authentication
        name                = "portal"
        location            = "westeurope"
        resource_group_name = "rg-web"
        app_service_plan_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/plan"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_linux_web_app" "intranet" {
        name                = "intranet"
        resource_group_name = "rg-web"
        location            = "westeurope"
        service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/plan"

        site_config {}

        auth_settings_v2 {
          auth_enabled = false  # expect: azure-appservice-authentication

          login {}
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_linux_web_app" "intranet" {
        name                = "intranet"
        resource_group_name = "rg-web"
        location            = "westeurope"
        service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/plan"

        site_config {}

        auth_settings_v2 {
          auth_enabled           = true
          require_authentication = true
          unauthenticated_action = "RedirectToLoginPage"

          active_directory_v2 {
            client_id            = "00000000-0000-0000-0000-000000000001"
            tenant_auth_endpoint = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0"
          }

          login {}
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_app_service" "portal" {
        name                = "portal"
        location            = "westeurope"
        resource_group_name = "rg-web"
        app_service_plan_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/plan"

        auth_settings {
          enabled = true
        }
      }
    EOT
  }
}
