rule "azure-appservice-legacy-ftps-only" {
  title     = "App Service (legacy resource) allows unencrypted FTP deployments"
  severity  = "medium"
  area      = "application-workload"
  resources = ["azurerm_app_service", "azurerm_app_service_slot", "azurerm_function_app", "azurerm_function_app_slot"]
  aliases   = ["CKV_AZURE_78", "AVD-AZU-0071", "azure-appservice-enforce-ftps"]

  compliance = { "cis-azure-3.0" = ["9.3"] }
  description = <<-EOT
    A plain FTP deployment endpoint sends the deployment credentials and the application files
    (configuration with secrets included) in clear text; whoever captures the credentials can replace
    the code the app runs. Whether the endpoint exists and insists on TLS is the app owner's choice.

    This rule covers the deprecated `azurerm_app_service` and `azurerm_function_app` resources (and
    their slots), which azurerm v2 and v3 still offer. Their `site_config.ftps_state` defaults to
    `AllAllowed` (plain FTP on), unlike the newer web and function app resources whose default is
    `Disabled` (see `azure-appservice-ftps-only`); an app without the setting is therefore reported.
  EOT
  remediation = "Set `site_config { ftps_state = \"Disabled\" }` (or `\"FtpsOnly\"`), or move to `azurerm_linux_web_app` / `azurerm_windows_web_app` whose default is `Disabled`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/3.117.0/docs/resources/function_app#ftps_state",
    "https://registry.terraform.io/providers/hashicorp/azurerm/3.117.0/docs/resources/app_service#ftps_state",
    "https://learn.microsoft.com/en-us/azure/app-service/deploy-ftp#enforce-ftps",
  ]

  assert {
    attribute "site_config.ftps_state" {
      one_of  = ["FtpsOnly", "Disabled"]
      default = "AllAllowed"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_app_service" "portal" {
        name                = "portal"
        location            = "westeurope"
        resource_group_name = "rg-web"
        app_service_plan_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/plan"

        site_config {
          ftps_state = "AllAllowed"  # expect: azure-appservice-legacy-ftps-only
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_function_app" "jobs" {  # expect: azure-appservice-legacy-ftps-only
        name                       = "jobs"
        location                   = "westeurope"
        resource_group_name        = "rg-web"
        app_service_plan_id        = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/plan"
        storage_account_name       = "jobsstate"
        storage_account_access_key = "unused-in-example"
        https_only                 = true
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

        site_config {
          ftps_state = "FtpsOnly"
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

        site_config {
          ftps_state = "Disabled"
        }
      }
    EOT
  }
}
