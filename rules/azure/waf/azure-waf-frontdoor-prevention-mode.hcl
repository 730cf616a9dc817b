rule "azure-waf-frontdoor-prevention-mode" {
  title     = "Front Door WAF policy is disabled or only detects attacks"
  severity  = "medium"
  area      = "application-workload"
  resources = ["azurerm_cdn_frontdoor_firewall_policy"]

  description = <<-EOT
    A Front Door WAF policy in Detection mode logs malicious requests at the edge but forwards them
    to the origin, and a disabled policy does nothing. The mode is the customer's configuration.

    In `azurerm_cdn_frontdoor_firewall_policy`, `mode` is required (`Detection` or `Prevention`) and
    `enabled` defaults to `true`; `mode = "Detection"` or `enabled = false` is reported. A mode from
    a variable with no value is unknown and not reported.
  EOT
  remediation = "Set `mode = \"Prevention\"` (and keep `enabled = true`) once false positives have been tuned out."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/cdn_frontdoor_firewall_policy#mode",
    "https://learn.microsoft.com/en-us/azure/web-application-firewall/afds/waf-front-door-policy-settings",
  ]

  assert {
    attribute "enabled" {
      equals  = true
      default = true
    }
    attribute "mode" {
      equals = "Prevention"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_cdn_frontdoor_firewall_policy" "edge" {
        name                = "wafedge"
        resource_group_name = "rg-edge"
        sku_name            = "Premium_AzureFrontDoor"
        mode                = "Detection"  # expect: azure-waf-frontdoor-prevention-mode
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_cdn_frontdoor_firewall_policy" "edge" {
        name                = "wafedge"
        resource_group_name = "rg-edge"
        sku_name            = "Premium_AzureFrontDoor"
        enabled             = false  # expect: azure-waf-frontdoor-prevention-mode
        mode                = "Prevention"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_cdn_frontdoor_firewall_policy" "edge" {
        name                = "wafedge"
        resource_group_name = "rg-edge"
        sku_name            = "Premium_AzureFrontDoor"
        mode                = "Prevention"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      variable "waf_mode" {
        type = string
      }

      resource "azurerm_cdn_frontdoor_firewall_policy" "edge" {
        name                = "wafedge"
        resource_group_name = "rg-edge"
        sku_name            = "Premium_AzureFrontDoor"
        mode                = var.waf_mode
      }
    EOT
  }
}
