rule "azure-appservice-ftps-only" {
  title     = "Web or function app allows unencrypted FTP deployments"
  severity  = "medium"
  area      = "application-workload"
  resources = [
    "azurerm_linux_web_app",
    "azurerm_windows_web_app",
    "azurerm_linux_web_app_slot",
    "azurerm_windows_web_app_slot",
    "azurerm_linux_function_app",
    "azurerm_windows_function_app",
    "azurerm_linux_function_app_slot",
    "azurerm_windows_function_app_slot",
  ]
  aliases = ["CKV_AZURE_78", "AVD-AZU-0071", "azure-appservice-enforce-ftps"]

  compliance = { "cis-azure-3.0" = ["9.3"] }
  description = <<-EOT
    With `ftps_state = "AllAllowed"` the app's FTP endpoint accepts plain FTP, so deployment
    credentials and the application files (including configuration with secrets) cross the network in
    clear text. Anyone who captures the credentials can replace the code the app runs. Whether the
    deployment endpoint exists and whether it requires encryption is the app owner's choice.

    On the current web and function app resources `site_config.ftps_state` defaults to `Disabled`,
    so only an explicit `AllAllowed` is reported. The deprecated `azurerm_app_service` and
    `azurerm_function_app` resources are not covered: their default is `AllAllowed` (documented for
    `azurerm_function_app`, undocumented for `azurerm_app_service`), which a single rule default cannot
    express next to the newer resources.
  EOT
  remediation = "Set `site_config { ftps_state = \"Disabled\" }` (or `\"FtpsOnly\"` if FTP deployment is really needed), or remove the argument to get the default."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app#ftps_state",
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/windows_function_app#ftps_state",
  ]

  assert {
    attribute "site_config.ftps_state" {
      not_equals = "AllAllowed"
      default    = "Disabled"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_linux_web_app" "shop" {
        name                = "shop-web"
        resource_group_name = "rg-web"
        location            = "westeurope"
        service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/plan"
        https_only          = true

        site_config {
          ftps_state = "AllAllowed"  # expect: azure-appservice-ftps-only
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_linux_web_app" "shop" {
        name                = "shop-web"
        resource_group_name = "rg-web"
        location            = "westeurope"
        service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/plan"
        https_only          = true

        site_config {
          ftps_state = "Disabled"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_windows_function_app" "jobs" {
        name                       = "jobs-func"
        resource_group_name        = "rg-func"
        location                   = "westeurope"
        service_plan_id            = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-func/providers/Microsoft.Web/serverFarms/plan"
        storage_account_name       = "jobsfuncstorage"
        storage_account_access_key = "not-a-real-key"
        https_only                 = true

        site_config {}
      }
    EOT
  }
}
