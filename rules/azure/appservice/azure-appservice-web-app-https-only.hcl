rule "azure-appservice-web-app-https-only" {
  title     = "Web app accepts plain HTTP requests"
  severity  = "medium"
  area      = "application-workload"
  resources = [
    "azurerm_linux_web_app",
    "azurerm_windows_web_app",
    "azurerm_linux_web_app_slot",
    "azurerm_windows_web_app_slot",
    "azurerm_app_service",
    "azurerm_app_service_slot",
  ]
  aliases = ["CKV_AZURE_14", "CKV_AZURE_153", "AVD-AZU-0072"]

  compliance = { "cis-azure-3.0" = ["9.1"] }
  description = <<-EOT
    Unless `https_only` is set, App Service serves the site on plain HTTP as well as HTTPS. Session
    cookies, bearer tokens and form posts sent over HTTP can be read or altered by anyone on the
    network path, and users who type the bare domain never get upgraded to HTTPS. App Service is PaaS:
    Microsoft runs the front ends, but whether they redirect HTTP to HTTPS is the app owner's setting.

    `https_only` defaults to `false` on every App Service resource, including the deprecated
    `azurerm_app_service` / `azurerm_app_service_slot` that azurerm v5 removed.
  EOT
  remediation = "Set `https_only = true` on the web app and on each of its deployment slots."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app#https_only",
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/windows_web_app#https_only",
    "https://docs.microsoft.com/en-us/azure/app-service/configure-ssl-bindings#enforce-https",
  ]

  assert {
    attribute "https_only" {
      equals = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_linux_web_app" "shop" {  # expect: azure-appservice-web-app-https-only
        name                = "shop-web"
        resource_group_name = "rg-web"
        location            = "westeurope"
        service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/plan"

        site_config {}
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

        site_config {}
      }
    EOT
  }
}
