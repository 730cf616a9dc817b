rule "azure-appservice-remote-debugging-disabled" {
  title     = "Web or function app has remote debugging enabled"
  severity  = "medium"
  area      = "application-workload"
  resources = [
    "azurerm_app_service",
    "azurerm_function_app",
    "azurerm_linux_web_app",
    "azurerm_windows_web_app",
    "azurerm_linux_function_app",
    "azurerm_windows_function_app",
    "azurerm_app_service_slot",
    "azurerm_linux_web_app_slot",
    "azurerm_windows_web_app_slot",
    "azurerm_linux_function_app_slot",
    "azurerm_windows_function_app_slot",
  ]
  aliases = ["CKV_AZURE_72", "CKV_AZURE_155"]

  compliance = { "cis-azure-3.0" = ["9.12"] }
  description = <<-EOT
    Remote debugging opens extra inbound ports on the app's workers and lets a debugger attach to
    the running process, read its memory (secrets, tokens, customer data) and change its execution.
    It is meant for a short troubleshooting session and is easily left on. The app's configuration
    is the customer's side of App Service.

    `site_config.remote_debugging_enabled` defaults to `false`, so only an explicit `true` is
    reported (the deprecated resources call it `remote_debugging_enabled` as well). Deployment slots
    are checked too: a staging slot runs on the same workers and often holds production secrets.
  EOT
  remediation = "Remove `remote_debugging_enabled = true` from `site_config`; debug in a non-production slot and switch it off afterwards."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app#remote_debugging_enabled",
    "https://learn.microsoft.com/en-us/visualstudio/debugger/remote-debugging-azure-app-service",
  ]

  assert {
    attribute "site_config.remote_debugging_enabled" {
      equals  = false
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_windows_web_app" "shop" {
        name                = "shop"
        resource_group_name = "rg-web"
        location            = "westeurope"
        service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/plan"

        site_config {
          remote_debugging_enabled = true  # expect: azure-appservice-remote-debugging-disabled
          remote_debugging_version = "VS2022"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_windows_web_app" "shop" {
        name                = "shop"
        resource_group_name = "rg-web"
        location            = "westeurope"
        service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/plan"

        site_config {}
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_linux_web_app_slot" "staging" {
        name           = "staging"
        app_service_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Web/sites/app-shop"

        site_config {
          remote_debugging_enabled = true  # expect: azure-appservice-remote-debugging-disabled
        }
      }
    EOT
  }
}
